/**
 * A remark plugin that stops the build when a post still holds a placeholder where a figure
 * should be ("Figure Missing", as the old blog's broken embeds read), naming the file and line.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const PLACEHOLDER = /figure missing/i;

export default function remarkNoPlaceholders() {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node) => {
      const text = 'value' in node && typeof node.value === 'string' ? node.value : '';
      if (PLACEHOLDER.test(text) && node.type !== 'code' && node.type !== 'inlineCode') {
        const line = node.position?.start.line;
        throw new Error(
          `${file.path ?? 'a post'}${line ? `:${line}` : ''}: a "Figure Missing" placeholder is left in the post; put the figure there (<VegaChart … />) or remove the line`,
        );
      }
    });
  };
}
