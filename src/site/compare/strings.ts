/**
 * Every text of the comparison view, Chinese first (English as secondary
 * text where a label has one), in one place for the page, the browser script
 * and the downloads alike.
 */
import type { ColumnStatus } from "./types.ts";

export const COMPARE_TEXT = {
  title: "对比",
  titleEn: "Compare jurisdictions, years and figures",
  lede: "选择地区、年度和若干指标、可比概念或比率，同时看图表和表格；表格可排序，所选内容都写在网址里，可以分享，也可以下载这一视图的 CSV 与 JSON。",
  noScript:
    "未启用脚本：下表是默认视图（全部地区、全部年度，默认的概念与比率）。启用脚本后可以选择地区、年度和指标，按任一列排序，并查看图表。",
  loading: "正在载入所选视图……",
  loadFailed: "视图数据载入失败，下表仍是默认视图。",
  chooser: {
    label: "选择视图内容",
    owners: "地区",
    ownersHint: "不勾选即为全部地区。部门的报告列在所属政府之下。",
    ownersFilter: "筛选地区名称",
    years: "年度",
    yearsHint: "不勾选即为全部年度。",
    measures: "指标、概念与比率",
    measuresHint: "表格按所选顺序列出。",
    concepts: "可比概念（跨格式）",
    conceptsEn: "Concepts comparable across formats",
    rates: "比率",
    ratesEn: "Derived rates",
    indicators: "各格式统计表的指标",
    indicatorsEn: "Indicators of each format",
    reset: "恢复默认视图",
    clearOwners: "清除地区",
    clearYears: "清除年度",
  },
  kind: { c: "概念", i: "指标", r: "比率" },
  /** Pieces of titles and summaries. */
  words: {
    /** All of them when there are at most `max`, else the first max − 1 and how many there are. */
    list: (items: readonly string[], max: number, unit: string) =>
      items.length <= max ? items.join("、") : `${items.slice(0, max - 1).join("、")}等 ${items.length} ${unit}`,
    year: (year: number) => `${year}年`,
    yearSpan: (first: number, last: number) => (first === last ? `${first}年` : `${first}—${last}年`),
    years: (years: readonly number[]) => `${years.join("、")}年`,
    owners: "个地区",
    yearsUnit: "个年度",
    measures: "项",
    allOwners: "全部地区",
    allOwnersCount: (count: number) => `全部（${count} 个）`,
    allYears: (span: string) => `全部（${span}）`,
    all: "全部",
    noneChosen: "未选择",
    noProvince: "省份不明",
    ownerDetail: (span: string, reports: number) => `${span} · ${reports} 份`,
    viewTitle: (labels: string, scope: string) => `对比：${labels}（${scope}）`,
    nationalFormat: (from: number) => `${from}年全国格式`,
    provincialFormat: (region: string) => `${region}格式`,
  },
  columns: { owner: "地区", prefecture: "所属地市", year: "年度", template: "统计表格式" },
  /** Why a cell holds no number. */
  reasons: {
    n: "未报告",
    u: "无法确定",
    a: "报告中没有此项",
    f: "该格式没有此项",
  } satisfies Record<Exclude<ColumnStatus, "r">, string>,
  zeroDenominator: (label: string) => `${label}为 0`,
  missingOperand: (label: string, reason: string) => `${label}：${reason}`,
  sortBy: (label: string) => `按${label}排序`,
  tableHeading: "表格",
  tableNote:
    "一行一份报告。数字链接到它在原文中的位置（几项之和、比率链接到报告页）；没有数字的格子写明原因：未报告（表中该格空白或为—）、无法确定（印了但读不准）、报告中没有此项、该格式没有此项。比率只在分子、分母都有数字且分母不为 0 时计算，否则写明缺的是哪一项。",
  rowCount: (shown: number, total: number) =>
    shown < total ? `共 ${total} 份报告，表中显示前 ${shown} 份；完整内容请下载 CSV。` : `共 ${total} 份报告。`,
  empty: "所选地区在所选年度没有报告。",
  noMeasures: "还没有选择任何指标、概念或比率。",
  unknown: {
    owners: (codes: string[]) => `链接中的地区 ${codes.join("、")} 不在本站数据中，已略去。`,
    years: (years: string[]) => `链接中的年度 ${years.join("、")} 没有报告，已略去。`,
    measures: (keys: string[]) => `链接中的指标 ${keys.join("、")} 不存在，已略去。`,
    chart: (key: string) => `链接要求图表显示的 ${key} 不在所选指标中，图表显示第一项。`,
    sort: (key: string) => `链接中的排序 ${key} 不是表格的一列，按默认顺序排列。`,
    nothing: "链接所选的地区或年度都不在本站数据中，因此没有可显示的报告。",
    none: "链接所选的地区或年度不在数据中",
  },
  chart: {
    heading: "图表",
    measure: "图表显示",
    line: (drawn: string[], withSeries: number, single: number) =>
      [
        `折线：${drawn.join("、")}历年的数字。`,
        drawn.length < withSeries ? `图中只画前 ${drawn.length} 个地区（${withSeries} 个地区有两年以上的数字）。` : "",
        single > 0 ? `只有一年数字或没有数字的 ${single} 个地区不画线，见下表。` : "",
      ].join(""),
    ranked: (year: number | null, shown: number, withNumber: number, without: number) =>
      [
        year === null ? "条形：各份报告的数字，从大到小排列。" : `条形：${year} 年各地区的数字，从大到小排列。`,
        shown < withNumber ? `图中只画最大的 ${shown} 项（共 ${withNumber} 项有数字）。` : "",
        without > 0 ? `没有数字的 ${without} 份报告不在图中，原因见下表。` : "",
      ].join(""),
    noNumbers: "所选报告都没有给出这一项的数字，因此不画图；原因见下表。",
    allZero: "所选报告给出的这一项数字全部为 0，因此不画图；数字见下表。",
    empty: "没有可画的报告。",
    label: (title: string) => `${title}的图表；数字见下表`,
  },
  summary: {
    heading: "按年度汇总",
    caption: "每年所选报告的合计与中位数",
    statistic: "统计",
    total: "合计",
    median: "中位数",
    count: "给出数字的报告",
    note:
      "合计与中位数只计给出数字的报告。比率的合计按分子之和 ÷ 分母之和计算（每份报告收到申请数为总数 ÷ 报告份数），中位数是各报告比率的中位数。同一年里一个地区与它的下级（市与所辖区县、政府与其部门、省与省内地区）都在视图中时，下级不计入，以免重复。",
    excluded: (names: string[]) => `以下报告含在所选的上级报告中，未计入：${names.join("；")}。`,
    excludedItem: (name: string, year: number, within: string) => `${name} ${year}年（含在${within}中）`,
    year: (year: number) => `${year}年`,
  },
  caveats: {
    heading: "口径说明",
    intro: "可比概念把不同格式的统计表对到同一项，下面是各格式与其他格式不同之处；比率的定义也在这里。",
    formats: "本视图涉及的统计表格式",
  },
  downloads: {
    heading: "下载本视图",
    csv: "CSV",
    json: "JSON",
    note: "文件与上表完全一致：同样的报告、同样的列、同样的顺序。CSV 为 UTF-8（带 BOM），可直接用 Excel、WPS 打开；每项有数值与说明两列。",
  },
  citation: {
    format: (site: string, title: string, date: string, license: string, url: string) => `${site}：《${title}》，数据版本 ${date}，${license}，${url}`,
    heading: "引用本视图",
    title: "标题",
    url: "网址",
    date: "数据版本（构建日期）",
    license: "许可",
    text: "引用格式",
  },
  csv: {
    ownerId: "地区代码",
    owner: "地区",
    fullName: "地区全称",
    prefecture: "所属地市",
    province: "省份",
    year: "年度",
    template: "统计表格式",
    reportId: "报告编号",
    reportUrl: "报告网址",
    value: (label: string, unit: string) => `${label}（${unit}）`,
    note: (label: string) => `${label}·说明`,
  },
} as const;
