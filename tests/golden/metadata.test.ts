import { describe, expect, it } from "vitest";
import { convertSeed } from "../helpers/convert-seed.ts";

/** Everything the report says about itself, per seed, as read from the real sources. */
const EXPECTED = {
  "000": {
    id: "640202-2017",
    title: "石嘴山市大武口区2017年政府信息公开工作年度报告",
    year: 2017,
    jurisdiction: {
      id: "640202",
      code: "640202",
      name: "大武口区",
      fullName: "宁夏回族自治区石嘴山市大武口区",
      level: "county",
      parent: { code: "640200", name: "石嘴山市" },
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: true,
      match: "exact",
    },
    publisher: "大武口区人民政府办公室",
    publishedOn: "2018-01-22",
    period: { start: "2017-01-01", end: "2017-12-31" },
    coverage: "22个区直部门、星海镇、10个街道办事处",
    website: "http://www.dwk.gov.cn/",
    contact: {
      address: "宁夏石嘴山市大武口区朝阳西街99号",
      postcode: "753000",
      phones: ["0952-2021076"],
      fax: ["0952-2013083"],
      email: "dwkzw@163.com",
    },
  },
  "001": {
    id: "640500-2017",
    title: "中卫市2017年政府信息公开工作年度报告",
    year: 2017,
    jurisdiction: {
      id: "640500",
      code: "640500",
      name: "中卫市",
      fullName: "宁夏回族自治区中卫市",
      level: "prefecture",
      parent: { code: "640000", name: "宁夏回族自治区" },
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: true,
      match: "exact",
    },
    publisher: "中卫市人民政府办公室",
    publishedOn: null,
    period: { start: "2017-01-01", end: "2017-12-31" },
    coverage: "中卫市人民政府、各县(区)人民政府和中卫市人民政府组成部门、直属机构",
    website: "http://www.nxzw.gov.cn/",
    contact: {
      address: "中卫市行政中心",
      postcode: "755000",
      phones: ["0955-7068826"],
      fax: ["0955-7068826"],
      email: "nx_zws@163.com",
    },
  },
  "002": {
    id: "640221-2016",
    title: "平罗县2016年政府信息公开工作年度报告",
    year: 2016,
    jurisdiction: {
      id: "640221",
      code: "640221",
      name: "平罗县",
      fullName: "宁夏回族自治区石嘴山市平罗县",
      level: "county",
      parent: { code: "640200", name: "石嘴山市" },
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: true,
      match: "exact",
    },
    publisher: "宁夏回族自治区平罗县人民政府办公室",
    publishedOn: null,
    period: { start: "2016-01-01", end: "2016-12-31" },
    coverage: "平罗县人民政府、13个乡镇、24个部门",
    website: "http://www.nxpl.gov.cn",
    contact: {
      address: "石嘴山市平罗县玉皇阁大道北侧218号",
      postcode: "753400",
      phones: ["0952-6095046"],
      fax: ["0952-6095122"],
      email: "413765927@qq.com",
    },
  },
  "003": {
    id: "640303-2018",
    title: "红寺堡区2018年政府信息公开工作年度报告",
    year: 2018,
    jurisdiction: {
      id: "640303",
      code: "640303",
      name: "红寺堡区",
      fullName: "宁夏回族自治区吴忠市红寺堡区",
      level: "county",
      parent: { code: "640300", name: "吴忠市" },
      province: { code: "640000", name: "宁夏回族自治区" },
      resolved: true,
      match: "exact",
    },
    publisher: "红寺堡区人民政府办公室",
    publishedOn: null,
    period: { start: "2018-01-01", end: "2018-12-31" },
    coverage: "23个区直部门、5个乡镇、1个产业园区、3个分局、18个驻红单位",
    website: "http://www.hongsibu.gov.cn",
    contact: {
      address: "红寺堡区金水街008号",
      postcode: "751999",
      phones: ["0953-5098330"],
      fax: ["0953-5098123"],
      email: "hspzhfb123@163.com",
    },
  },
  "004": {
    id: "640104-2018",
    title: "银川市兴庆区2018年政府信息公开工作年度报告",
    year: 2018,
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
    publisher: "兴庆区人民政府办公室",
    // "2017年12月6日" under the 代章 of an embedded notice is not the report's date.
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
  },
} as const;

describe.each(Object.entries(EXPECTED))("seed %s metadata", (prefix, expected) => {
  it("matches every field the report states about itself", async () => {
    const { report } = await convertSeed(prefix);
    expect({
      id: report.id,
      title: report.title,
      year: report.year,
      jurisdiction: report.jurisdiction,
      publisher: report.publisher,
      publishedOn: report.publishedOn,
      period: report.period,
      coverage: report.coverage,
      website: report.website,
      contact: report.contact,
    }).toEqual(expected);
  });

  it("records the source and the template, with no department", async () => {
    const { report } = await convertSeed(prefix);
    expect(report.source.file.startsWith(`${prefix}_`)).toBe(true);
    expect(report.source).toMatchObject({ form: "text", pages: null, url: null, alternatives: [] });
    expect(report.source.encoding).toBe("utf-8");
    expect(report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.template).toBe("national-2008");
    expect(report.department).toBeNull();
    expect(report.hasStatisticsTable).toBe(prefix !== "002");
  });
});
