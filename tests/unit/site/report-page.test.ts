/**
 * What a report page shows besides its tables, on real reports converted and
 * published by the converter: key figures from concepts, charts from the
 * catalog's rules, where each table goes in the body, the checks, the other
 * forms and the versions of a report.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { KEY_FIGURES, keyFigureOf, reportKeyFigures } from "../../../src/site/key-figures.ts";
import { distinctLabels, reportCharts } from "../../../src/site/report-charts.ts";
import { reportLayout } from "../../../src/site/report-page/layout.ts";
import { reportChecks } from "../../../src/site/report-page/checks.ts";
import { originalFiles, reportForms, reportVersions } from "../../../src/site/report-page/forms.ts";
import { renderReportBody } from "../../../src/site/render-report-body.ts";
import { printedTables, renderedCellIds } from "../../../src/site/statistics-table.ts";
import { corpus, IDS, publish, sourceText, type Published } from "./report/corpus.ts";

let published: Published;
beforeAll(async () => {
  published = await corpus();
}, 120_000);

describe("key figures", () => {
  it("reads concepts: a 2021 report's 收到申请数 is 表三's 总计, a 2008 report's its own row", () => {
    const show = (id: string) => reportKeyFigures(published.report(id)).map((f) => `${f.concept.id}=${f.value}:${f.parts.map((p) => p.id).join("+")}`);
    expect(show(IDS.shuyang2023)).toEqual([
      "requests_received=26:requests_received__total",
      "replies_granted=26:replies_granted__total",
      "replies_denied=0:replies_denied__total",
      "reconsideration_total=1:reconsideration__total",
      "litigation_total=0:litigation__total",
    ]);
    expect(show(IDS.dawukou2017)).toEqual([
      "requests_received=0:requests_received",
      "replies_granted=0:replies_granted+replies_already_public",
      "replies_denied=0:replies_denied",
      "reconsideration_total=0:reconsideration_total",
      "litigation_total=0:litigation_total",
      "proactive_total=8573:proactive_total",
    ]);
  });

  it("gives the Chinese part of the mapping's caveat, and nothing for a concept the format lacks", () => {
    const received = keyFigureOf(published.report(IDS.pingtan2020), "requests_received")!;
    expect([received.status, received.value, received.caveat]).toEqual(["reported", 21, "2008年格式按渠道（当面/传真/网络/信函）细分，2019年起按申请人类型细分；两种细分在对方格式中都不存在。"]);
    expect(keyFigureOf(published.report(IDS.pingtan2020), "proactive_total")).toBeNull();
    expect(KEY_FIGURES.map((k) => `${k.id}:${k.short}:${k.concept.label}`)).toEqual([
      "proactive_total:主动公开:主动公开政府信息数",
      "requests_received:收到申请:收到申请数",
      "reconsideration_total:行政复议:行政复议数",
      "litigation_total:行政诉讼:行政诉讼数",
    ]);
  });
});

describe("charts", () => {
  it("breaks a total down by the catalog's rule, group rows as their group (2019 表三)", () => {
    const charts = reportCharts(published.report(IDS.pingtan2020));
    expect(charts.map((c) => c.id)).toEqual(["chart-requests_received", "chart-replies_total", "chart-reconsideration_total"]);
    const replies = charts[1]!;
    expect(replies.spec.categories).toEqual(["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"]);
    expect(replies.spec.series).toEqual([{ name: "2020 年", values: [7, 6, 0, 7, 3, 4] }]);
    expect(charts[0]!.spec.categories).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
  });

  it("charts the 2008 channels and Fujian's channels of that year only", () => {
    const dawukou = reportCharts(published.report(IDS.dawukou2017));
    expect(dawukou[0]!.spec).toMatchObject({
      categories: ["政府公报公开政府信息数", "政府网站公开政府信息数", "政务微博公开政府信息数", "政务微信公开政府信息数", "其他方式公开政府信息数"],
      series: [{ values: [0, 3407, 2306, 1660, 1200] }],
    });
    const fujian = reportCharts(published.report(IDS.pingtan2016)).find((c) => c.id === "chart-requests_received")!;
    expect(fujian.spec.categories).toEqual(["当面申请数", "网上申请数", "信函、传真申请数"]);
  });

  it("drops the label parts every category shares", () => {
    expect(distinctLabels(["行政复议 · 结果维持", "行政复议 · 总计"])).toEqual(["结果维持", "总计"]);
    expect(distinctLabels(["予以公开 · 总计", "不予公开 · 总计"])).toEqual(["予以公开", "不予公开"]);
    expect(distinctLabels(["当面申请数", "传真申请数"])).toEqual(["当面申请数", "传真申请数"]);
  });
});

describe("reportLayout", () => {
  it("puts each of the 2021 format's three tables at its marker in the body", () => {
    const report = published.report(IDS.shuyang2023);
    const layout = reportLayout(renderReportBody(published.mdx(report.id), report.id), printedTables(report));
    expect(layout.body.map((s) => (s.kind === "tables" ? s.tables.map((t) => t.id).join("+") : "html"))).toEqual(["html", "proactive", "html", "requests", "html", "appeals", "html"]);
    expect(layout.after).toEqual([]);
  });

  it("puts the tables no marker names after the body, and a marker naming no table takes them", () => {
    const tables = printedTables(published.report(IDS.shuyang2023));
    const twoMarkers = reportLayout('<p>a</p><!--statistics-table:requests--><p>b</p><!--statistics-table:requests-->', tables);
    expect(twoMarkers.body.map((s) => (s.kind === "tables" ? s.tables.map((t) => t.id).join("+") : "html"))).toEqual(["html", "requests", "html"]);
    expect(twoMarkers.after.map((t) => t.id)).toEqual(["proactive", "appeals"]);
    const unnamed = reportLayout("<p>a</p><!--statistics-table--><!--statistics-table:nonexistent-->", tables);
    expect(unnamed.body.map((s) => (s.kind === "tables" ? s.tables.map((t) => t.id).join("+") : "html"))).toEqual(["html", "proactive+requests+appeals"]);
    expect(unnamed.after).toEqual([]);
  });
});

describe("reportChecks", () => {
  it("counts the checks and lists the failed ones with the cells on the page they concern", () => {
    const report = published.report(IDS.hongze2023);
    const checks = reportChecks(report, renderedCellIds(printedTables(report)));
    expect(checks.counts).toEqual({ pass: 38, fail: 2, uncertain: 0, not_assessable: 3 });
    expect(checks.failed.map((c) => [c.check.rule, c.figures.map((f) => f.anchor).join(" ")])).toEqual([
      ["litigation_after_reconsideration_sum", "stat-litigation_after_reconsideration__total stat-litigation_after_reconsideration__upheld stat-litigation_after_reconsideration__corrected stat-litigation_after_reconsideration__other stat-litigation_after_reconsideration__pending"],
      ["reconsideration_sum", "stat-reconsideration__total stat-reconsideration__upheld stat-reconsideration__corrected stat-reconsideration__other stat-reconsideration__pending"],
    ]);
  });
});

describe("forms and versions", () => {
  it("offers the published form and the other one, with whether their figures agree", () => {
    const forms = reportForms(published.report(IDS.shuyang2023));
    expect(forms.map((f) => [f.file, f.formName, f.href, f.published, f.figuresAgree])).toEqual([
      // A saved web page is offered as text, never served as a page of the site.
      ["jiangsu-shuyang-2023-fagaiju.html", "网页（HTML）", "/downloads/sources/jiangsu-shuyang-2023-fagaiju.html.txt", true, null],
      ["jiangsu-shuyang-2023-fagaiju.txt", "文本", "/downloads/sources/jiangsu-shuyang-2023-fagaiju.txt", false, true],
    ]);
    expect(originalFiles(published.report(IDS.hongze2023)).map((f) => f.file)).toEqual(["jiangsu-hongze-2023.pdf", "jiangsu-hongze-2023.txt"]);
  });

  it("says which figures an earlier version of a re-issued report gives differently", async () => {
    // A corrected re-issue of 平潭 2016, a month later, with 3460 corrected to 3470.
    const corrected = sourceText("fujian-pingtan-2016.txt").replace("发布时间: 2017-01-18 15:57", "发布时间: 2017-02-20 09:30").replaceAll("3460", "3470");
    const reissued = await publish(["fujian-pingtan-2016.txt"], { "fujian-pingtan-2016-corrected.txt": corrected });
    const report = reissued.report(IDS.pingtan2016);
    const versions = reportVersions(report);
    expect(versions.map((v) => [v.file, v.publishedOn, v.current, v.href])).toEqual([
      ["fujian-pingtan-2016.txt", "2017-01-18", false, "/downloads/sources/fujian-pingtan-2016.txt"],
      ["fujian-pingtan-2016-corrected.txt", "2017-02-20", true, "/downloads/sources/fujian-pingtan-2016-corrected.txt"],
    ]);
    expect(versions[0]!.changes).toEqual([
      { indicator: "proactive_total", label: "主动公开信息数", published: "3,470", version: "3,460" },
      { indicator: "proactive_website", label: "网站公开", published: "3,470", version: "3,460" },
    ]);
    expect(originalFiles(report).map((f) => f.file)).toEqual(["fujian-pingtan-2016-corrected.txt", "fujian-pingtan-2016.txt"]);
    expect(reportVersions(published.report(IDS.pingtan2016))).toEqual([]);
  }, 60_000);
});
