/** What the search page says about itself, as data (the page renders it; the browser tests read it). */
export const SEARCH_PAGE = {
  title: "搜索",
  heading: "搜索",
  description: "在政府信息公开工作年度报告的正文、指标和可比概念页面中逐字搜索。",
  lede: "在年报的标题和正文、指标和可比概念页面中逐字搜索：只列出原样包含所输入文字的页面，并标出每一处。",
  queryLabel: "检索词",
  queryPlaceholder: "如：行政复议",
  scopeLabel: "年报年份",
  allYears: "全部年份",
  submit: "搜索",
  rulesHeading: "怎样匹配",
  rules: [
    "输入的文字须原样、连续地出现在页面中：「大武口」只找到写有“大武口”的页面，不会找到只有“大”或“武口”的页面。",
    "用空格分开几个词时，页面须包含全部这些词；用引号（\"…\" 或 「…」）括起的带空格短语算作一个词。",
    "全角与半角的字母、数字和标点，英文字母的大小写，视为相同；其余字符按原样比较。",
    "结果先列指标和可比概念页面，再按年份从新到旧列年报，同一年按地区代码排列。",
    "统计表里的数字不在检索范围内：各项数字请看指标页面或下载数据。",
  ],
  noScript: {
    text: "搜索要在浏览器启用 JavaScript 后才能使用。不用 JavaScript 也可以：",
    links: [
      { label: "在年报一览中按地区和年度浏览", key: "reports" },
      { label: "在指标目录中查各项数字", key: "indicators" },
    ],
  },
  examplesLead: "试试：",
  examples: ["行政复议", "依申请公开", "政策解读", "收到申请数"],
  noResultsHint:
    "搜索只列出原样包含所输入文字的页面。可以换个说法或缩短检索词，选择「全部年份」，或去掉筛选条件；统计表里的数字请在指标页面查看。",
  filtersLabel: "筛选",
  resultsLabel: "搜索结果",
} as const;
