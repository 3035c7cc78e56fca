import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceText } from "../../../../src/converter/document/source-text.ts";
import type { PageMetadata, SourceDocument, SourceText } from "../../../../src/converter/document/types.ts";
import { ConversionError } from "../../../../src/converter/errors.ts";
import { placeholderId } from "../../../../src/converter/identity.ts";
import { extractMetadata, normalizeWebsite, parseDateLine, parsePhones } from "../../../../src/converter/stages/metadata.ts";
import { documentOfLines, fieldValue, lineDocument, sourceFile, type LineDocumentOptions } from "../../../helpers/line-document.ts";
import { SOURCES_DIR } from "../../../helpers/source-lines.ts";

const EXPECTED_DIR = join(SOURCES_DIR, "..", "tests", "fixtures", "expected");

function meta(lines: string[], options: LineDocumentOptions = {}, statisticsRanges: { start: number; end: number }[] = []) {
  return extractMetadata(documentOfLines(lines, options), { statisticsRanges });
}

/** A page title as an adapter hands it: text at its place in the document. */
function pageTitle(text: string, title: string): SourceText {
  const at = text.indexOf(title);
  if (at < 0) throw new Error(`title not in text: ${title}`);
  return sourceText(title, at);
}

function titleText(document: SourceDocument, range: { start: number; end: number } | null): string | null {
  return range ? document.text.slice(range.start, range.end) : null;
}

const SEED_004_CONTACT =
  "本报告由兴庆区人民政府办公室汇总兴庆区人民政府、4 个乡镇人民政府、11 个街道办事处、24 个政府部门及直属机构政府信息公开情况编制而成。所列政府信息公开数据统计期限为 2018 年 1 月 1 日至 2018 年 12 月 31 日。本报告电子版可在兴庆区人民政府门户网站（<http://www.xqq.gov.cn>）查阅或下载。如有疑问或意见建议，可直接与兴庆区人民政府办公室联系。（地址：银川市兴庆区北京东路 471 号；邮编：750001；电话：0951—6722118，6720816；传真：0951—6721092；电子邮箱：xqqzffzb@163.com）";

describe("field parsers", () => {
  it("normalizes phone numbers, sharing an area code with the number after it", () => {
    expect(parsePhones("0952—2021076")).toEqual(["0952-2021076"]);
    expect(parsePhones("0951—6722118，6720816")).toEqual(["0951-6722118", "0951-6720816"]);
    expect(parsePhones("（0953）5098330、13995020000")).toEqual(["0953-5098330", "13995020000"]);
  });

  it("reads dates, in Arabic or Chinese numerals, and websites", () => {
    expect(parseDateLine("2018年1月22日")).toBe("2018-01-22");
    expect(parseDateLine("2018-01-22")).toBe("2018-01-22");
    expect(parseDateLine("二〇一八年一月二十二日")).toBe("2018-01-22");
    expect(parseDateLine("二○二四年十二月三十一日")).toBe("2024-12-31");
    expect(parseDateLine("二〇二四年十月十日")).toBe("2024-10-10");
    expect(parseDateLine("二〇一三年一月")).toBeNull();
    expect(parseDateLine("2018年2月30日")).toBeNull();
    expect(parseDateLine("二〇一八年二月三十日")).toBeNull();
    expect(parseDateLine("2018年1月22日下午")).toBeNull();
    expect(normalizeWebsite("WWW.nxpl.gov.cn")).toBe("http://www.nxpl.gov.cn");
    expect(normalizeWebsite("http://www.dwk.gov.cn/")).toBe("http://www.dwk.gov.cn/");
  });
});

describe("the opening formulas", () => {
  it("reads the opening formulas of seed 004", () => {
    const document = documentOfLines(["银川市兴庆区 2018 年政府信息公开工作年度报告", SEED_004_CONTACT, "一、总体公开工作情况概述"]);
    expect(extractMetadata(document, { statisticsRanges: [] })).toEqual({
      title: "银川市兴庆区2018年政府信息公开工作年度报告",
      titleRange: { start: 0, end: 25 },
      year: 2018,
      ownerName: "银川市兴庆区",
      jurisdiction: {
        id: "640104",
        code: "640104",
        name: "兴庆区",
        fullName: "宁夏回族自治区银川市兴庆区",
        level: "county",
        parent: { code: "640100", name: "银川市" },
        province: { code: "640000", name: "宁夏回族自治区" },
        resolved: true,
        match: "exact",
      },
      department: null,
      id: "640104-2018",
      publisher: "兴庆区人民政府办公室",
      publishedOn: null,
      period: { start: "2018-01-01", end: "2018-12-31" },
      coverage: "兴庆区人民政府、4个乡镇人民政府、11个街道办事处、24个政府部门及直属机构",
      website: "http://www.xqq.gov.cn",
      contact: {
        address: "银川市兴庆区北京东路471号",
        postcode: "750001",
        phones: ["0951-6722118", "0951-6720816"],
        fax: ["0951-6721092"],
        email: "xqqzffzb@163.com",
      },
      url: null,
      diagnostics: [],
    });
  });

  it("reads a period written 自…起至…止 across the lines of a PDF's text", () => {
    const m = meta(
      [
        "                洪泽区人民政府",
        "      2023 年政府信息公开工作年度报告",
        "   本报告由淮安市洪泽区人民政府办公室根据《中华人民共和",
        "国政府信息公开条例》（国令第 711 号）（以下简称《条例》）",
        "要求编制此报告。报告中所列数据统计期限自 2023 年 1 月 1 日",
        "起至 2023 年 12 月 31 日止。如对本报告有疑问，请与淮安市洪",
        "泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90",
        "号 ， 邮 编 ： 223100 ， 电 话 ： 0517-87222589 ， 电 子 邮 箱 ：",
        "hzzwgk@126.com）。",
      ],
      { wrapped: true },
    );
    expect(m).toMatchObject({
      publisher: "淮安市洪泽区人民政府办公室",
      period: { start: "2023-01-01", end: "2023-12-31" },
      contact: { address: "淮安市洪泽区洪泽湖大道90号", postcode: "223100", phones: ["0517-87222589"], fax: [], email: "hzzwgk@126.com" },
    });
  });

  it("a number given for 电话/传真 is both", () => {
    const m = meta([
      "平潭综合实验区2020年政府信息公开工作年度报告",
      "如对本报告有任何疑问，请与平潭综合实验区政府信息公开工作领导小组办公室联系（地址：平潭综合实验区北厝金井湾片区管委会大楼主楼14层；邮编：350400；电话/传真：0591-23165370；电子邮箱：pzxxgkb@163.com。",
    ]);
    expect(m.contact).toEqual({ address: "平潭综合实验区北厝金井湾片区管委会大楼主楼14层", postcode: "350400", phones: ["0591-23165370"], fax: ["0591-23165370"], email: "pzxxgkb@163.com" });
  });
});

describe("the title", () => {
  it("falls back to the title quoted in the body, and fails clearly without one", () => {
    const m = meta(["根据《条例》规定，《中卫市 2017 年政府信息公开工作年度报告》经中卫市人民政府同意, 现予发布。"]);
    expect(m).toMatchObject({ title: "中卫市2017年政府信息公开工作年度报告", titleRange: null, year: 2017, ownerName: "中卫市", id: "640500-2017" });
    expect(() => meta(["关于做好政务公开工作的通知"])).toThrow(ConversionError);
    expect(() => meta(["关于做好政务公开工作的通知"])).toThrow(/test\.txt: 找不到报告标题/);
  });

  it("a title over two lines: the owner above a title that starts with its year (洪泽区, PDF text)", () => {
    const document = lineDocument("                洪泽区人民政府\n      2023 年政府信息公开工作年度报告\n   本报告由淮安市洪泽区人民政府办公室根据《条例》要求编制此报告。\n", { wrapped: true });
    const m = extractMetadata(document, { statisticsRanges: [] });
    expect([m.title, m.ownerName, m.id]).toEqual(["洪泽区人民政府2023年政府信息公开工作年度报告", "洪泽区人民政府", "320813-2023"]);
    expect(titleText(document, m.titleRange)).toBe("洪泽区人民政府\n      2023 年政府信息公开工作年度报告");
  });

  it("a title over two lines: the report's name runs on (上海市科委, PDF text), the owner after the year", () => {
    const document = documentOfLines(["2024 年上海市科委政府信息公开工作", "年度报告", "本报告由上海市科学技术委员会编制。"], { wrapped: true });
    const m = extractMetadata(document, { statisticsRanges: [] });
    expect(m).toMatchObject({
      title: "2024年上海市科委政府信息公开工作年度报告",
      year: 2024,
      ownerName: "上海市科委",
      jurisdiction: { id: "310000", level: "province" },
      department: { slug: "science-technology", name: "科委", fullName: "上海市科委" },
      id: "310000-science-technology-2024",
    });
    expect(titleText(document, m.titleRange)).toBe("2024 年上海市科委政府信息公开工作\n年度报告");
  });

  it("a title with its year on the line below, in brackets", () => {
    const document = documentOfLines(["宿迁市人民政府办公室政府信息公开工作年度报告", "（2022年度）", "本报告由宿迁市人民政府办公室编制。"]);
    const m = extractMetadata(document, { statisticsRanges: [] });
    expect([m.title, m.year, m.ownerName, m.id]).toEqual(["宿迁市人民政府办公室政府信息公开工作年度报告（2022年度）", 2022, "宿迁市人民政府办公室", "321300-2022"]);
    expect(titleText(document, m.titleRange)).toBe("宿迁市人民政府办公室政府信息公开工作年度报告\n（2022年度）");
  });

  it("the page's title is the published one; the body's printing of it (年 for 年度, without 管委会) is its range", () => {
    const text = "平潭综合实验区 2014年度政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求，我区管委会办公室编制完成了本报告。";
    const title = "平潭综合实验区管委会2014年度政府信息公开工作年度报告";
    const document = lineDocument(`${title}\n${text}`, { bodyStart: title.length + 1, metadata: { title: pageTitle(`${title}\n${text}`, title) } });
    const m = extractMetadata(document, { statisticsRanges: [] });
    expect([m.title, m.ownerName, m.jurisdiction.id, m.id]).toEqual([title, "平潭综合实验区管委会", "x659039f5dea5", "x659039f5dea5-2014"]);
    expect(titleText(document, m.titleRange)).toBe("平潭综合实验区 2014年度政府信息公开工作年度报告");
  });

  it("drops a crawler's 标题 label and a site's name after the title", () => {
    const text = "标题: 平潭综合实验区地方税务局2013年信息公开年度报告_政府信息公开年报_平潭综合实验区党工委管委会\n特向社会公布2013年度平潭县地税局信息公开年度报告。";
    const document = lineDocument(text, { bodyStart: text.indexOf("\n") + 1, metadata: { title: sourceText(text.slice(0, text.indexOf("\n")), 0) } });
    expect(extractMetadata(document, { statisticsRanges: [] })).toMatchObject({
      title: "平潭综合实验区地方税务局2013年信息公开年度报告",
      titleRange: null,
      ownerName: "平潭综合实验区地方税务局",
      department: { slug: "local-taxation" },
      id: "x659039f5dea5-local-taxation-2013",
    });
  });

  it("a page title without the report's name is not the title", () => {
    const lines = ["沭阳县人民政府", "沭阳县2023年政府信息公开工作年度报告", "本报告由沭阳县人民政府办公室编制。"];
    const m = meta(lines, { metadata: { title: sourceText("沭阳县人民政府", 0) } });
    expect(m.title).toBe("沭阳县2023年政府信息公开工作年度报告");
  });

  it("without page metadata: the title after the lines a site's menu leaves, a labelled row rather than nothing", () => {
    const text = sourceFile("jiangsu-shuyang-2023-fagaiju.txt");
    const document = lineDocument(text, { bodyStart: text.indexOf("\n", text.indexOf("采集时间")) + 1 });
    const m = extractMetadata(document, { statisticsRanges: [] });
    // The date comes from the signature at the end: 沭阳县发展和改革局 / 2024年1月17日.
    expect([m.title, m.id, m.publishedOn]).toEqual(["沭阳县发展和改革局2023年政府信息公开年度报告", "321322-development-reform-2023", "2024-01-17"]);
    expect(titleText(document, m.titleRange)).toBe("沭阳县发展和改革局2023年政府信息公开年度报告");
    expect(document.text.slice(m.titleRange!.start - 5, m.titleRange!.start)).toBe("名称 \t ");
  });

  it("shows a revised copy's title without its invisible mark and files it under the same jurisdiction", () => {
    const original = meta(["红寺堡区2018年政府信息公开工作年度报告", "本报告由红寺堡区人民政府办公室汇总编制而成。"]);
    const revised = meta(["红寺\u200e堡区2018年政府信息公开工作年度报告", "本报告由红寺\u200e堡区人民政府办公室汇总编制而成。"]);
    expect(revised.title).toBe("红寺堡区2018年政府信息公开工作年度报告");
    expect([revised.id, revised.jurisdiction]).toEqual([original.id, original.jurisdiction]);
    expect(revised.id).toBe("640303-2018");
  });
});

describe("the year", () => {
  const body = "本报告由平罗县人民政府办公室汇总全县政府信息公开工作情况编制而成。";

  it("reads 2025年, 2025年度, 二〇二五年 and 二〇二五年度 in the title", () => {
    for (const written of ["2025年", "2025年度", "二〇二五年", "二〇二五年度", "二○二五年度"]) {
      expect(meta([`平罗县${written}政府信息公开工作年度报告`, body]).year, written).toBe(2025);
    }
  });

  it("reads full-width digits, and shows the title as printed", () => {
    const m = meta(["平罗县２０２５年政府信息公开工作年度报告", body, "平罗县人民政府办公室", "２０２６年１月２０日"]);
    expect([m.title, m.year, m.ownerName, m.publishedOn]).toEqual(["平罗县２０２５年政府信息公开工作年度报告", 2025, "平罗县", "2026-01-20"]);
  });

  it("without a year in the title: the statistical period, else the opening, else missing_year", () => {
    const title = "平罗县政府信息公开工作年度报告";
    expect(meta([title, `${body}所列数据统计期限为2016年1月1日至2016年12月31日。`, "2017年，我县…"]).year).toBe(2016);
    expect(meta([title, `${body}现公布二〇一六年度政府信息公开年度报告。`]).year).toBe(2016);
    expect(meta([title, body, "一、概述", "2016年，我县认真贯彻落实《条例》。"]).year).toBe(2016);
    // Lines of a page run together as one paragraph; the year still opens a line of it.
    expect(meta([title, body, "一、概述", "2016年，我县认真贯彻落实《条例》。"], { wrapped: true }).year).toBe(2016);
    expect(() => meta([title, body])).toThrow(/test\.txt: 找不到报告年度 \/ no report year found \(平罗县政府信息公开工作年度报告\)/);
  });
});

describe("the publication date", () => {
  const signed = ["石嘴山市大武口区2017年政府信息公开工作年度报告", "本报告由大武口区人民政府办公室汇总编制而成。", "（五）进一步加强政府网站建设。", "大武口区人民政府办公室", "2018年1月22日", "附件", "石嘴山市大武口区2017年度政府信息公开情况统计表", "统计指标\t单位\t统计数"];

  it("takes the date under the signature at the end only (seed 000), not one of an embedded notice (seed 004)", () => {
    const text = signed.join("\n");
    const end = extractMetadata(lineDocument(text), { statisticsRanges: [{ start: text.indexOf("统计指标"), end: text.length }] });
    expect([end.publishedOn, end.publisher]).toEqual(["2018-01-22", "大武口区人民政府办公室"]);
    const embedded = meta(["银川市兴庆区 2018 年政府信息公开工作年度报告", "兴庆区绩效考评工作领导小组办公室（代章）", "2017年12月6日", "信息中心、法制办考评。", "无。"]);
    expect([embedded.publishedOn, embedded.publisher]).toEqual([null, null]);
  });

  it("reads a signature whose date is in Chinese numerals, or beside the signer on one line", () => {
    expect(meta([signed[0]!, signed[2]!, "大武口区人民政府办公室", "二〇一八年一月二十二日"]).publishedOn).toBe("2018-01-22");
    expect(meta([signed[0]!, signed[2]!, "大武口区人民政府办公室 2018年1月22日"])).toMatchObject({ publishedOn: "2018-01-22", publisher: "大武口区人民政府办公室" });
  });

  it("the page's own date comes first; a capture date never counts", () => {
    const lines = [signed[0]!, signed[2]!, "大武口区人民政府办公室", "2018年1月22日"];
    expect(meta(lines, { metadata: { publishedOn: "2018-01-25" } }).publishedOn).toBe("2018-01-25");
    const captured = meta(["采集时间：2025-12-30T21:37:37+08:00", "沭阳县发展和改革局2023年政府信息公开年度报告", "本年度报告所列数据的统计时限为2023年1月1日至2023年12月31日。"]);
    expect(captured.publishedOn).toBeNull();
  });
});

describe("the owner", () => {
  it("is named before the year, as written", () => {
    const owner = (title: string) => meta([title, "本报告由办公室编制。"]).ownerName;
    expect(owner("石嘴山市大武口区2017年政府信息公开工作年度报告")).toBe("石嘴山市大武口区");
    expect(owner("平潭综合实验区管委会2014年度政府信息公开工作年度报告")).toBe("平潭综合实验区管委会");
    expect(owner("沭阳县发展和改革局2023年政府信息公开年度报告")).toBe("沭阳县发展和改革局");
    expect(owner("平潭综合实验区地方税务局2013年信息公开年度报告")).toBe("平潭综合实验区地方税务局");
    expect(owner("平潭县人民政府2013年政府信息公开工作年度报告")).toBe("平潭县人民政府");
  });

  it("ends where the report's name begins, also when the year stands inside it; a 关于 is not part of it", () => {
    const owner = (title: string) => meta([title, "本报告由办公室编制。"]);
    expect(owner("宿迁市政府信息公开工作2023年度报告")).toMatchObject({ ownerName: "宿迁市", year: 2023, id: "321300-2023" });
    expect(owner("沭阳县人民政府关于2023年政府信息公开工作年度报告")).toMatchObject({ ownerName: "沭阳县人民政府", id: "321322-2023" });
  });

  it("comes from the opening formula when the title starts with its year, else the file is refused", () => {
    const m = meta(["2017年政府信息公开工作年度报告", "本报告由平罗县人民政府办公室汇总全县政府信息公开工作情况编制而成。"]);
    expect([m.ownerName, m.id, m.coverage]).toEqual(["平罗县人民政府", "640221-2017", "全县"]);
    expect(meta(["2023年政府信息公开工作年度报告", "本报告由沭阳县发展和改革局根据《条例》编制。"])).toMatchObject({ ownerName: "沭阳县发展和改革局", id: "321322-development-reform-2023" });
    expect(() => meta(["2018 年政府信息公开工作年度报告", "本报告由办公室编制。"])).toThrow(
      "test.txt: 找不到报告所属行政区 / no jurisdiction found in the title or body (2018年政府信息公开工作年度报告)",
    );
  });

  it("a title without a year names its owner before the report's name (人民政府 kept whole)", () => {
    const m = meta(["红寺堡区人民政府信息公开工作年度报告", "所列数据统计期限为2018年1月1日至2018年12月31日。"]);
    expect([m.ownerName, m.id]).toEqual(["红寺堡区人民政府", "640303-2018"]);
  });

  it("puts the warnings of the identity on the title's line", () => {
    const m = meta(["", "平潭综合实验区海洋与渔业局2015年政府信息公开工作年度报告", "本报告由平潭综合实验区海洋与渔业局编制。"]);
    expect(m.diagnostics).toMatchObject([{ code: "unknown_department", line: 2 }]);
    expect(m.id).toMatch(/^x659039f5dea5-dept-[0-9a-f]{8}-2015$/);
  });
});

// ---------------------------------------------------------------- real sources

const SEEDS = {
  "000": { id: "640202-2017", title: "石嘴山市大武口区2017年政府信息公开工作年度报告", publisher: "大武口区人民政府办公室", publishedOn: "2018-01-22", coverage: "22个区直部门、星海镇、10个街道办事处", website: "http://www.dwk.gov.cn/", contact: { address: "宁夏石嘴山市大武口区朝阳西街99号", postcode: "753000", phones: ["0952-2021076"], fax: ["0952-2013083"], email: "dwkzw@163.com" } },
  "001": { id: "640500-2017", title: "中卫市2017年政府信息公开工作年度报告", publisher: "中卫市人民政府办公室", publishedOn: null, coverage: "中卫市人民政府、各县(区)人民政府和中卫市人民政府组成部门、直属机构", website: "http://www.nxzw.gov.cn/", contact: { address: "中卫市行政中心", postcode: "755000", phones: ["0955-7068826"], fax: ["0955-7068826"], email: "nx_zws@163.com" } },
  "002": { id: "640221-2016", title: "平罗县2016年政府信息公开工作年度报告", publisher: "宁夏回族自治区平罗县人民政府办公室", publishedOn: null, coverage: "平罗县人民政府、13个乡镇、24个部门", website: "http://www.nxpl.gov.cn", contact: { address: "石嘴山市平罗县玉皇阁大道北侧218号", postcode: "753400", phones: ["0952-6095046"], fax: ["0952-6095122"], email: "413765927@qq.com" } },
  "003": { id: "640303-2018", title: "红寺堡区2018年政府信息公开工作年度报告", publisher: "红寺堡区人民政府办公室", publishedOn: null, coverage: "23个区直部门、5个乡镇、1个产业园区、3个分局、18个驻红单位", website: "http://www.hongsibu.gov.cn", contact: { address: "红寺堡区金水街008号", postcode: "751999", phones: ["0953-5098330"], fax: ["0953-5098123"], email: "hspzhfb123@163.com" } },
  "004": { id: "640104-2018", title: "银川市兴庆区2018年政府信息公开工作年度报告", publisher: "兴庆区人民政府办公室", publishedOn: null, coverage: "兴庆区人民政府、4个乡镇人民政府、11个街道办事处、24个政府部门及直属机构", website: "http://www.xqq.gov.cn", contact: { address: "银川市兴庆区北京东路471号", postcode: "750001", phones: ["0951-6722118", "0951-6720816"], fax: ["0951-6721092"], email: "xqqzffzb@163.com" } },
} as const;

describe.each(Object.entries(SEEDS))("seed %s", (prefix, expected) => {
  it("gives every field the report states about itself", () => {
    const file = readdirSync(SOURCES_DIR).find((name) => name.startsWith(`${prefix}_`))!;
    const text = sourceFile(file);
    const table = /^统计指标\t/m.exec(text);
    const document = lineDocument(text, { file });
    const m = extractMetadata(document, { statisticsRanges: table ? [{ start: table.index, end: text.length }] : [] });
    expect({ id: m.id, title: m.title, publisher: m.publisher, publishedOn: m.publishedOn, coverage: m.coverage, website: m.website, contact: m.contact }).toEqual(expected);
    expect(titleText(document, m.titleRange)?.replace(/^#+ /, "").replace(/ /g, "")).toBe(expected.title);
    expect(m.diagnostics).toEqual([]);
  });
});

interface ExpectedMeta {
  title: string;
  year: number;
  jurisdiction: string;
  division_code: string | null;
  province_code: string;
  department: string | null;
  published_on: string | null;
}

/** A crawler's page.txt as its adapter hands it over: the header as page metadata, the body after the page's chrome. */
function crawlerDocument(file: string): SourceDocument {
  const text = sourceFile(file);
  const rule = /^=+ 正文 =+$/m.exec(text)!;
  const chromeEnd = text.indexOf("相关链接： -->", rule.index);
  const header = (key: string) => fieldValue(text, key);
  const publisher = header("发布机构").text;
  const metadata: PageMetadata = {
    title: header("标题"),
    publishedOn: header("发布时间").text.slice(0, 10),
    url: header("原文链接").text,
    publisher: publisher === "" ? null : publisher,
  };
  const bodyStart = chromeEnd >= 0 ? chromeEnd + "相关链接： -->".length : rule.index + rule[0].length;
  return lineDocument(text, { file, metadata, bodyStart });
}

/** A capture tool's text of a saved page: 标题 (with the site's name after it), 来源 (the page's address), 采集时间 (not the publication date). */
function captureDocument(file: string): SourceDocument {
  const text = sourceFile(file);
  const published = /公开日期\s*(\d{4}-\d{2}-\d{2})/.exec(text)![1]!;
  const metadata: PageMetadata = { title: fieldValue(text, "标题"), publishedOn: published, url: fieldValue(text, "来源").text, publisher: null };
  return lineDocument(text, { file, metadata, bodyStart: text.indexOf("\n", text.indexOf("采集时间")) + 1 });
}

const CORPUS: Record<string, { document: () => SourceDocument; printed: string | null }> = {
  "fujian-pingtan-2011": { document: () => crawlerDocument("fujian-pingtan-2011.txt"), printed: null },
  "fujian-pingtan-2012": { document: () => crawlerDocument("fujian-pingtan-2012.txt"), printed: null },
  "fujian-pingtan-2013-dishui": { document: () => crawlerDocument("fujian-pingtan-2013-dishui.txt"), printed: "平潭综合实验区地方税务局2013年 信息公开年度报告" },
  "fujian-pingtan-2014": { document: () => crawlerDocument("fujian-pingtan-2014.txt"), printed: "平潭综合实验区 2014年度政府信息公开工作年度报告" },
  "fujian-pingtan-2016": { document: () => crawlerDocument("fujian-pingtan-2016.txt"), printed: "平潭综合实验区2016年度政府信息公开工作年度报告" },
  "fujian-pingtan-2018": { document: () => crawlerDocument("fujian-pingtan-2018.txt"), printed: "平潭综合实验区2018年度政府信息公开工作年度报告" },
  "fujian-pingtan-2020": { document: () => crawlerDocument("fujian-pingtan-2020.txt"), printed: "平潭综合实验区2020年政府信息公开工作年度报告" },
  "fujian-pingtan-2022": { document: () => crawlerDocument("fujian-pingtan-2022.txt"), printed: null },
  "fujian-pingtan-2025": { document: () => crawlerDocument("fujian-pingtan-2025.txt"), printed: null },
  "fujian-pingtan-county-2013": { document: () => crawlerDocument("fujian-pingtan-county-2013.txt"), printed: "平潭县人民政府2013年政府信息公开工作年度报告" },
  "jiangsu-hongze-2023": {
    document: () => lineDocument(sourceFile("jiangsu-hongze-2023.txt"), { file: "jiangsu-hongze-2023.txt", wrapped: true }),
    printed: "洪泽区人民政府\n      2023 年政府信息公开工作年度报告",
  },
  "jiangsu-shuyang-2023-fagaiju": { document: () => captureDocument("jiangsu-shuyang-2023-fagaiju.txt"), printed: "沭阳县发展和改革局2023年政府信息公开年度报告" },
};

describe.each(Object.entries(CORPUS))("corpus report %s", (base, { document, printed }) => {
  const expected = (JSON.parse(readFileSync(join(EXPECTED_DIR, `${base}.json`), "utf8")) as { meta: ExpectedMeta }).meta;

  it("gives the hand-read title, year, jurisdiction, department and date", () => {
    const doc = document();
    const m = extractMetadata(doc, { statisticsRanges: [] });
    expect({
      title: m.title,
      year: m.year,
      jurisdiction: m.jurisdiction.name,
      division_code: m.jurisdiction.code,
      province_code: m.jurisdiction.province?.code,
      department: m.department?.fullName ?? null,
      published_on: m.publishedOn,
    }).toEqual(expected);
    expect(titleText(doc, m.titleRange)).toBe(printed);
    expect(m.diagnostics).toEqual([]);
  });
});

describe("corpus identities", () => {
  const ids = (bases: string[]) => bases.map((base) => extractMetadata(CORPUS[base]!.document(), { statisticsRanges: [] }).id);

  it("平潭综合实验区, its tax bureau and 平潭县 never share an id", () => {
    expect(ids(["fujian-pingtan-2013-dishui", "fujian-pingtan-county-2013", "fujian-pingtan-2014", "fujian-pingtan-2025"])).toEqual([
      "x659039f5dea5-local-taxation-2013",
      "350128-2013",
      `${placeholderId("福建省平潭综合实验区")}-2014`,
      "x659039f5dea5-2025",
    ]);
  });

  it("a department's report and its page's address", () => {
    const m = extractMetadata(CORPUS["jiangsu-shuyang-2023-fagaiju"]!.document(), { statisticsRanges: [] });
    expect([m.id, m.url, m.publisher]).toEqual([
      "321322-development-reform-2023",
      "http://www.shuyang.gov.cn/sygfj/gknb/202401/2ecfb31a335f4d689220a3a23e24a986.shtml",
      "沭阳县发展和改革局",
    ]);
  });
});
