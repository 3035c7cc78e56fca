import { describe, expect, it } from "vitest";
import { bundlePath, planSearchBundles, yearOfReportId } from "../../../src/site/search-bundles.ts";

describe("search bundles", () => {
  it("plans one Pagefind bundle per report year, newest first, from the seed ids", () => {
    const ids = ["640104-2018", "640202-2017", "640221-2016", "640303-2018", "640500-2017"];
    expect(planSearchBundles(ids)).toEqual([
      { year: 2018, glob: "reports/*-2018/index.html", outputSubdir: "pagefind/2018", reports: 2 },
      { year: 2017, glob: "reports/*-2017/index.html", outputSubdir: "pagefind/2017", reports: 2 },
      { year: 2016, glob: "reports/*-2016/index.html", outputSubdir: "pagefind/2016", reports: 1 },
    ]);
  });

  it("reads the year at the end of government and department ids, and nothing else", () => {
    expect(yearOfReportId("640202-2017")).toBe(2017);
    expect(yearOfReportId("640202-caizhengju-2019")).toBe(2019);
    expect(yearOfReportId("index.html")).toBeNull();
    expect(planSearchBundles(["not-a-report"])).toEqual([]);
    expect(bundlePath(2018)).toBe("/pagefind/2018/");
  });
});
