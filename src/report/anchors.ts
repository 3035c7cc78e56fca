/**
 * Heading anchors. The converter records them in the JSON (for the table of
 * contents) and the site renderer puts them on the headings, so both must call
 * this one function with a fresh slugger per document, in document order.
 */
import GithubSlugger from "github-slugger";

export function createSlugger(): GithubSlugger {
  return new GithubSlugger();
}

/** A stable anchor for a heading; CJK characters are kept, punctuation dropped, repeats numbered. */
export function headingAnchor(text: string, slugger: GithubSlugger): string {
  const slug = slugger.slug(text.replace(/[、，。：；！？（）()《》〈〉“”‘’【】·—…]/g, " ").trim());
  return slug === "" ? slugger.slug("section") : slug;
}
