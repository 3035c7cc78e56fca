/**
 * The statistics-table formats' files in catalog order (oldest format first),
 * as they are on disk. src/catalog/index.ts validates and expands them; a
 * module that runs in the browser and needs only a format's names and years
 * (src/site/series/templates.ts) reads them here, without loading zod.
 */
import fujian2008 from "./templates/fujian-2008.json" with { type: "json" };
import national2008 from "./templates/national-2008.json" with { type: "json" };
import national2019 from "./templates/national-2019.json" with { type: "json" };
import national2021 from "./templates/national-2021.json" with { type: "json" };

/** What every template file declares about itself. */
export interface TemplateHeader {
  id: string;
  name: string;
  nameEn: string;
  scope: string;
  years: { from: number; to: number };
}

export const TEMPLATE_FILES: readonly (TemplateHeader & Record<string, unknown>)[] = [national2008, fujian2008, national2019, national2021];
