/** The comparison view's data files (index and columns) built from the converted corpus. */
import { beforeAll, describe, expect, it } from "vitest";
import { columnKeys, compareData, ownerWithin, type CompareData } from "../../../../src/site/compare/data.ts";
import type { Report } from "../../../../src/schema/report.ts";
import { corpusReports, sourceTextOf } from "./corpus.ts";

let reports: Report[];
let data: CompareData;
beforeAll(async () => {
  reports = await corpusReports();
  data = compareData(reports, "2025-06-30");
}, 120_000);

const at = (id: string) => data.index.reports.findIndex((r) => r[0] === id);

describe("index", () => {
  it("lists every owner once, by key, with where it lies", () => {
    expect(data.index.owners.map((o) => `${o.key} ${o.name} ${o.prefecture ?? "—"} [${o.within.join(",")}]`)).toEqual([
      "320813 洪泽区 淮安市 [320800,320000]",
      "321322/development-reform 沭阳县发展和改革局 宿迁市 [321322,321300,320000]",
      "350128 平潭县 福州市 [350100,350000]",
      "640104 兴庆区 银川市 [640100,640000]",
      "640202 大武口区 石嘴山市 [640200,640000]",
      "640221 平罗县 石嘴山市 [640200,640000]",
      "640303 红寺堡区 吴忠市 [640300,640000]",
      "640500 中卫市 中卫市 [640000]",
      "x659039f5dea5 平潭综合实验区 平潭综合实验区 [350000]",
      "x659039f5dea5/local-taxation 平潭综合实验区地方税务局 平潭综合实验区 [x659039f5dea5,350000]",
    ]);
    expect(data.index.owners[1]!.fullName).toBe("江苏省宿迁市沭阳县发展和改革局");
  });

  it("lists every report by owner, then year, with its format", () => {
    const templates = data.index.templates.map((t) => t.id);
    expect(data.index.reports.map(([id, owner, year, template]) => `${id}:${owner}:${year}:${templates[template]}`)).toEqual([
      "320813-2023:0:2023:national-2021",
      "321322-development-reform-2023:1:2023:national-2021",
      "350128-2013:2:2013:fujian-2008",
      "640104-2018:3:2018:national-2008",
      "640202-2017:4:2017:national-2008",
      "640221-2016:5:2016:national-2008",
      "640303-2018:6:2018:national-2008",
      "640500-2017:7:2017:national-2008",
      "x659039f5dea5-2011:8:2011:fujian-2008",
      "x659039f5dea5-2012:8:2012:fujian-2008",
      "x659039f5dea5-2014:8:2014:fujian-2008",
      "x659039f5dea5-2016:8:2016:fujian-2008",
      "x659039f5dea5-2018:8:2018:fujian-2008",
      "x659039f5dea5-2020:8:2020:national-2019",
      "x659039f5dea5-2022:8:2022:national-2021",
      "x659039f5dea5-2025:8:2025:national-2021",
      "x659039f5dea5-local-taxation-2013:9:2013:national-2008",
    ]);
    expect(data.index.buildDate).toBe("2025-06-30");
    expect(data.index.license).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.zh-hans" });
    expect(data.index.defaults).toEqual(["c.requests_received", "c.replies_granted", "c.replies_denied", "r.share_granted", "r.share_denied"]);
  });

  it("does not depend on the order the reports come in", () => {
    const again = compareData([...reports].reverse(), "2025-06-30");
    expect(JSON.stringify(again.index)).toBe(JSON.stringify(data.index));
    expect(JSON.stringify(again.column("c.replies_denied"))).toBe(JSON.stringify(data.column("c.replies_denied")));
  });

  it("writes a column file for each concept and indicator, none for rates", () => {
    const keys = columnKeys(data.index);
    expect(keys).toHaveLength(27 + 312);
    expect(keys.some((k) => k.startsWith("r."))).toBe(false);
    expect(() => data.column("r.share_denied")).toThrow("no column for r.share_denied");
  });
});

describe("columns", () => {
  it("a concept: the value of every report, or why there is none", () => {
    const received = data.column("c.requests_received");
    expect(received.values).toEqual([21, 26, 7, 5, 0, 5, 0, 43, 0, 0, 1, 0, 0, 21, 74, 154, 0]);
    expect(received.status).toBe("rrrrrrrrrrrrrrrrr");
    const denied = data.column("c.replies_denied");
    expect(denied.values).toEqual([3, 0, 0, 0, 0, null, 0, 33, 0, 0, 0, 0, 0, 0, 4, 11, null]);
    // 平罗县 2016 prints no table and its prose states no refusals; the 地税局's table has no such row.
    expect(denied.status).toBe("rrrrrarrrrrrrrrra");
    // 2008's format has no carry-over at all.
    expect(data.column("c.requests_carried_over").status).toBe("rrfffffffffffrrrf");
  });

  it("an indicator: the formats that do not print it say so", () => {
    const proactive = data.column("i.proactive_total");
    expect(proactive.values).toEqual([null, null, 1853, 12786, 8573, 42704, 15131, 73659, 425, 739, 2543, 3460, 2069, null, null, null, 45]);
    expect(proactive.status).toBe("ffrrrrrrrrrrrfffr");
  });

  it("points a printed figure at its exact place in the source text", async () => {
    const received = data.column("c.requests_received");
    const hongze = received.spans[at("320813-2023")];
    const zhongwei = received.spans[at("640500-2017")];
    expect(hongze).not.toBe(0);
    expect(zhongwei).not.toBe(0);
    const [hs, he] = hongze as [number, number];
    const [zs, ze] = zhongwei as [number, number];
    // 洪泽区 is a PDF: its spans point into the published text layer.
    expect((await sourceTextOf("jiangsu-hongze-2023.pdf")).slice(hs, he)).toBe("21");
    expect((await sourceTextOf("001_235b576e695992d0.txt")).slice(zs, ze)).toBe("43");
    // 2021's 不予公开 is a sum of eight reason rows: no one place.
    expect(data.column("c.replies_denied").spans[at("320813-2023")]).toBe(0);
  });
});

describe("ownerWithin", () => {
  it("a department lies within its government, a county within its prefecture, all within the province", () => {
    const shuyang = reports.find((r) => r.id === "321322-development-reform-2023")!;
    expect(ownerWithin(shuyang)).toEqual(["321322", "321300", "320000"]);
    const zhongwei = reports.find((r) => r.id === "640500-2017")!;
    expect(ownerWithin(zhongwei)).toEqual(["640000"]);
  });
});
