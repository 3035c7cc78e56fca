/**
 * Test helper: compile converter MDX the way the contract promises it works
 * (@mdx-js/mdx + remark-gfm) and inspect its syntax tree.
 */
import { compile } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";

/** Compile to JS (throws on any MDX syntax error). */
export async function compileMdx(source: string): Promise<string> {
  return String(await compile(source, { remarkPlugins: [remarkGfm] }));
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  depth?: number;
  value?: string;
  position?: { start: { offset?: number } };
  children?: Node[];
}

/**
 * The body after the YAML frontmatter. Astro reads the frontmatter itself; plain
 * remark (no remark-frontmatter installed) would read it as a setext heading.
 */
export function mdxBody(source: string): string {
  const match = /^---\n[\s\S]*?\n---\n/.exec(source);
  return match ? source.slice(match[0].length) : source;
}

/** Every node of the MDX body's syntax tree, depth first. */
export function mdxNodes(source: string): Node[] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  const tree = processor.runSync(processor.parse(mdxBody(source))) as Node;
  const out: Node[] = [];
  const walk = (node: Node) => {
    out.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return out;
}

/**
 * What the source text turned into besides text: JSX element names, ESM,
 * expressions, raw HTML, images, and links written as [..](..) or <..>.
 * (GFM's literal autolinks of bare URLs cannot be prevented by escaping — the
 * transform runs on decoded text — they carry no position and the site turns
 * them back into text; see src/site/render-report-body.ts.)
 */
export function unsafeNodes(source: string): string[] {
  return mdxNodes(source).flatMap((node) => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") return [`jsx:${node.name}`];
    if (["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "html", "image", "imageReference", "linkReference", "definition", "footnoteReference"].includes(node.type)) {
      return [node.type];
    }
    if (node.type === "link" && node.position?.start.offset !== undefined) return [`link:${node.url}`];
    return [];
  });
}
