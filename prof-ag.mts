import { buildAgreementReport } from './apps/api/src/modules/agreement/agreement-report.ts';
import * as lib from './packages/agreement/src/index.ts';
const codes = [];
for (let t = 0; t < 8; t++) { codes.push({ id: `t${t}`, name: `T${t}`, parentId: null, path: [], retired: false }); for (let c = 0; c < 4; c++) codes.push({ id: `c${t}_${c}`, name: `C${t}.${c}`, parentId: `t${t}`, path: [], retired: false }); }
const leaves = codes.filter(c => c.parentId).map(c => c.id);
const coders = ['a','b','c'].map(id => ({ id, name: id }));
const codings = [];
for (let i = 0; i < 50000; i++) for (const c of coders) {
  const set = [Math.random() < 0.3 ? leaves[Math.floor(Math.random()*32)] : leaves[i % 32]];
  if (Math.random() < 0.2) { const x = leaves[(i*7)%32]; if (!set.includes(x)) set.push(x); }
  codings.push({ issueId: `i${i}`, coderId: c.id, round: 1, codeIds: set });
}
const input = { stage: { id: 's', name: 'S', mode: 'multi' }, parentCodesCodable: false, codes, coders, rounds: [{ number: 1, name: 'R', status: 'closed', codebookVersion: 1 }], codings, round: null };
let t = 0;
for (let k = 0; k < 6; k++) { t = performance.now(); buildAgreementReport(input); console.log("build", performance.now() - t); }
