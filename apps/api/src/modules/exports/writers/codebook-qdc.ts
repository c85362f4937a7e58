// The codebook of one stage as a REFI-QDA codebook (.qdc), written by the codebooks module (the
// same file as the Codebook page's download) with a comment saying what exported it.
import { aboutExport, aboutLine, type ExportWriter } from '../export-scope.ts';
import { writeChunk } from '../output.ts';

export const writeCodebookQdc: ExportWriter = async (context, output) => {
  const about = aboutLine(aboutExport(context, 'the active codes of the codebook, definitions and criteria in each Description'));
  const file = await context.services.codebooks.exportCodebook(context.project.id, context.stage!.id, 'qdc', context.role, about);
  await writeChunk(output, file.body);
};
