# Concord in a container: the same `npm start` as on a laptop, against the DATABASE_URL given.
FROM node:20-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npx tsx scripts/build-web-if-stale.ts
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["npm", "start"]
