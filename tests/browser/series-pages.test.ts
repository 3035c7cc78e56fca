/**
 * The page types of indicators, concepts, the home page and jurisdictions at
 * a phone's 390 px and a desktop's 1280 px: one h1, no console errors, no
 * axe-core violations, and at 390 px no horizontal scroll of the page (wide
 * tables scroll inside their own box).
 */
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./built-site.ts";
import { axeViolations, visit as open } from "./page-tools.ts";

const site = useBuiltSite();

const PAGES: [string, string][] = [
  ["home", "/"],
  ["indicator catalog", "/indicators/"],
  ["indicator (2008 and Fujian)", "/indicators/requests_received/"],
  ["indicator shared by 2019 and 2021, a view", "/indicators/requests_received__total/?j=x659039f5dea5&sort=-value"],
  ["indicator with a 0 and a blank cell", "/indicators/requests_received__research/?y=2023"],
  ["indicator, unknown jurisdiction", "/indicators/requests_received/?j=999999"],
  ["derived indicator", "/indicators/replies_denied__total/"],
  ["concept list", "/concepts/"],
  ["concept across formats", "/concepts/requests_received/"],
  ["concept with breakdowns", "/concepts/replies_denied/"],
  ["jurisdiction list", "/jurisdictions/"],
  ["jurisdiction with trends", "/jurisdictions/x659039f5dea5/"],
  ["jurisdiction with one report", "/jurisdictions/640202/"],
];

describe("indicator, concept, home and jurisdiction pages", () => {
  for (const [name, path] of PAGES) {
    for (const width of [390, 1280]) {
      it(`${name} at ${width} px: one h1, no errors, no axe violations${width === 390 ? ", no horizontal overflow" : ""}`, async () => {
        const { page, errors } = await open(site, path, { width });
        try {
          expect(await page.locator("h1").count()).toBe(1);
          if (width === 390) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow).toBeLessThanOrEqual(0);
          }
          expect(await axeViolations(page)).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
