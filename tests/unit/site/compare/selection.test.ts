/** The comparison view's choices in the URL: read, checked against the data, written back. */
import { beforeAll, describe, expect, it } from "vitest";
import { choiceSummaries, ownerChoices } from "../../../../src/site/compare/chooser.ts";
import { compareData, type CompareData } from "../../../../src/site/compare/data.ts";
import { chartMeasure, defaultSelection, readRequest, resolveSelection, writeSelection } from "../../../../src/site/compare/selection.ts";
import { corpusReports } from "./corpus.ts";

let data: CompareData;
beforeAll(async () => {
  data = compareData(await corpusReports(), "2025-06-30");
}, 120_000);

const resolve = (search: string) => resolveSelection(data.index, readRequest(search));

describe("readRequest", () => {
  it("reads lists written with commas or repeated keys, trimmed and without repeats", () => {
    expect(readRequest("?j=640500,x659039f5dea5&j=640500&y=2017&y=2022,+2025&m=c.requests_received,r.share_denied&chart=r.share_denied&sort=-year")).toEqual({
      owners: ["640500", "x659039f5dea5"],
      years: ["2017", "2022", "2025"],
      measures: ["c.requests_received", "r.share_denied"],
      chart: "r.share_denied",
      sort: "-year",
    });
  });

  it("tells no m from an empty m", () => {
    expect(readRequest("").measures).toBeNull();
    expect(readRequest("?m=").measures).toEqual([]);
  });
});

describe("resolveSelection", () => {
  it("keeps what the data has, in the URL's measure order", () => {
    const { selection, unknown, nothingKnown } = resolve("?j=x659039f5dea5,640500&y=2022,2017&m=r.share_denied,c.requests_received,i.proactive_total&sort=-r.share_denied");
    expect(selection).toEqual({
      owners: ["640500", "x659039f5dea5"],
      years: [2017, 2022],
      measures: ["r.share_denied", "c.requests_received", "i.proactive_total"],
      chart: null,
      sort: { key: "r.share_denied", descending: true },
    });
    expect(unknown).toEqual({ owners: [], years: [], measures: [], chart: null, sort: null });
    expect(nothingKnown).toBe(false);
    expect(chartMeasure(selection)).toBe("r.share_denied");
  });

  it("opens the default view when the URL names no measures", () => {
    expect(resolve("").selection).toEqual(defaultSelection(data.index));
    expect(resolve("").selection.measures).toEqual(["c.requests_received", "c.replies_granted", "c.replies_denied", "r.share_granted", "r.share_denied"]);
  });

  it("names an unknown jurisdiction and shows nothing rather than everything", () => {
    const resolved = resolve("?j=999999");
    expect(resolved.unknown.owners).toEqual(["999999"]);
    expect(resolved.nothingKnown).toBe(true);
    const mixed = resolve("?j=999999,640500&y=1999,2017&m=c.nope,c.requests_received&chart=c.nope&sort=colour");
    expect(mixed.selection.owners).toEqual(["640500"]);
    expect(mixed.selection.years).toEqual([2017]);
    expect(mixed.selection.measures).toEqual(["c.requests_received"]);
    expect(mixed.unknown).toEqual({ owners: ["999999"], years: ["1999"], measures: ["c.nope"], chart: "c.nope", sort: "colour" });
    expect(mixed.nothingKnown).toBe(false);
  });

  it("takes a jurisdiction that reports only through a department as its departments", () => {
    // 沭阳县 has no report of its own in the corpus, only its 发展和改革局's.
    expect(resolve("?j=321322").selection.owners).toEqual(["321322/development-reform"]);
    // 平潭综合实验区 has its own: the id is the government alone.
    expect(resolve("?j=x659039f5dea5").selection.owners).toEqual(["x659039f5dea5"]);
  });
});

describe("writeSelection", () => {
  it("writes every choice, and reads back to the same selection", () => {
    const { selection } = resolve("?j=x659039f5dea5,640500&y=2022,2017&m=c.requests_received,r.share_denied&chart=r.share_denied&sort=owner");
    const search = writeSelection(selection);
    expect(search).toBe("?j=640500,x659039f5dea5&y=2017,2022&m=c.requests_received,r.share_denied&chart=r.share_denied&sort=owner");
    expect(resolve(search).selection).toEqual(selection);
  });

  it("leaves out all owners, all years and a chart of the first measure", () => {
    expect(writeSelection(defaultSelection(data.index))).toBe("?m=c.requests_received,c.replies_granted,c.replies_denied,r.share_granted,r.share_denied");
    const { selection } = resolve("?m=c.requests_received&chart=c.requests_received");
    expect(writeSelection(selection)).toBe("?m=c.requests_received");
  });
});

describe("choiceSummaries", () => {
  it("says what each closed part of the chooser holds", () => {
    expect(choiceSummaries(data.index, resolve("").selection)).toEqual({
      owners: "全部（10 个）",
      years: "全部（2011—2025年）",
      measures: "收到申请数、同意公开（予以公开）、不同意公开（不予公开）等 5 项",
    });
    expect(choiceSummaries(data.index, resolve("?j=640500,x659039f5dea5&y=2017,2022&m=r.share_denied").selection)).toEqual({
      owners: "中卫市、平潭综合实验区",
      years: "2017、2022",
      measures: "不予公开占收到申请的比例",
    });
  });

  it("never says all when the URL named only what the data lacks", () => {
    const resolved = resolve("?j=999999");
    expect(choiceSummaries(data.index, resolved.selection, resolved.nothingKnown)).toMatchObject({
      owners: "链接所选的地区或年度不在数据中",
      years: "链接所选的地区或年度不在数据中",
    });
  });
});

describe("ownerChoices", () => {
  it("lists owners by province in the order of their codes, a department under its government", () => {
    expect(
      ownerChoices(data.index).map((g) => `${g.province}: ${g.owners.map((o) => `${o.nested ? "  " : ""}${o.name}（${o.detail}）`).join("；")}`),
    ).toEqual([
      "江苏省: 洪泽区（2023年 · 1 份）；沭阳县发展和改革局（2023年 · 1 份）",
      "福建省: 平潭县（2013年 · 1 份）；平潭综合实验区（2011—2025年 · 8 份）；  平潭综合实验区地方税务局（2013年 · 1 份）",
      "宁夏回族自治区: 兴庆区（2018年 · 1 份）；大武口区（2017年 · 1 份）；平罗县（2016年 · 1 份）；红寺堡区（2018年 · 1 份）；中卫市（2017年 · 1 份）",
    ]);
  });
});
