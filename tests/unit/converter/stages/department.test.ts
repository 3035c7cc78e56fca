import { describe, expect, it } from "vitest";
import departmentsFile from "../../../../src/catalog/departments.json" with { type: "json" };
import { DepartmentsFile } from "../../../../src/catalog/schema.ts";
import { identityHash, reportIdOf } from "../../../../src/converter/identity.ts";
import { resolveOwner, splitDepartment } from "../../../../src/converter/stages/department.ts";

describe("splitDepartment", () => {
  it("沭阳县发展和改革局 → 沭阳县 + development-reform", () => {
    expect(splitDepartment("沭阳县发展和改革局")).toEqual({
      government: "沭阳县",
      department: { slug: "development-reform", name: "发展和改革局", fullName: "沭阳县发展和改革局" },
      diagnostics: [],
    });
  });

  it("平潭综合实验区地方税务局 → 平潭综合实验区 + local-taxation (not the taxation kind its name ends with)", () => {
    expect(splitDepartment("平潭综合实验区地方税务局")).toEqual({
      government: "平潭综合实验区",
      department: { slug: "local-taxation", name: "地方税务局", fullName: "平潭综合实验区地方税务局" },
      diagnostics: [],
    });
  });

  it("knows the short names and predecessors of a kind", () => {
    expect(splitDepartment("沭阳县发改局").department).toMatchObject({ slug: "development-reform", name: "发改局" });
    expect(splitDepartment("大武口区国土资源局").department).toMatchObject({ slug: "natural-resources" });
    expect(splitDepartment("大武口区自然资源局").department).toMatchObject({ slug: "natural-resources" });
    expect(splitDepartment("平罗县卫生和计划生育委员会").department).toMatchObject({ slug: "health" });
    expect(splitDepartment("平罗县卫生健康委员会").department).toMatchObject({ slug: "health" });
    expect(splitDepartment("兴庆区环境保护局")).toMatchObject({ government: "兴庆区", department: { slug: "ecology-environment" } });
    expect(splitDepartment("洪泽区人力资源和社会保障局").department).toMatchObject({ slug: "human-resources-social-security" });
    expect(splitDepartment("福建省财政厅")).toMatchObject({ government: "福建省", department: { slug: "finance" } });
  });

  it("the government itself is no department: 人民政府, 政府办公室, 管委会", () => {
    expect(splitDepartment("平潭县人民政府")).toEqual({ government: "平潭县", department: null, diagnostics: [] });
    expect(splitDepartment("洪泽区人民政府")).toEqual({ government: "洪泽区", department: null, diagnostics: [] });
    expect(splitDepartment("红寺堡区政府")).toEqual({ government: "红寺堡区", department: null, diagnostics: [] });
    expect(splitDepartment("大武口区人民政府办公室")).toEqual({ government: "大武口区", department: null, diagnostics: [] });
    expect(splitDepartment("平潭综合实验区管委会")).toEqual({ government: "平潭综合实验区", department: null, diagnostics: [] });
    expect(splitDepartment("平潭综合实验区管委会办公室")).toEqual({ government: "平潭综合实验区", department: null, diagnostics: [] });
    expect(splitDepartment("宁东能源化工基地管理委员会")).toEqual({ government: "宁东能源化工基地", department: null, diagnostics: [] });
    expect(splitDepartment("石嘴山市大武口区")).toEqual({ government: "石嘴山市大武口区", department: null, diagnostics: [] });
    // A township's government and a street office are the governments of their 镇 and 街道.
    expect(splitDepartment("大武口区星海镇人民政府")).toEqual({ government: "大武口区星海镇", department: null, diagnostics: [] });
    expect(splitDepartment("大武口区长城街道办事处")).toEqual({ government: "大武口区长城街道", department: null, diagnostics: [] });
  });

  it("a department named under its government's full title: 人民政府 goes with the government", () => {
    expect(splitDepartment("银川市人民政府国有资产监督管理委员会")).toMatchObject({ government: "银川市", department: { slug: "state-assets" } });
    expect(splitDepartment("国家税务总局沭阳县税务局")).toMatchObject({
      government: "沭阳县",
      department: { slug: "taxation", name: "税务局", fullName: "国家税务总局沭阳县税务局" },
    });
  });

  it("an unlisted department gets dept- + 8 hex digits of its name and a warning", () => {
    const slug = `dept-${identityHash("海洋与渔业局", 8)}`;
    expect(splitDepartment("平潭综合实验区海洋与渔业局")).toEqual({
      government: "平潭综合实验区",
      department: { slug, name: "海洋与渔业局", fullName: "平潭综合实验区海洋与渔业局" },
      diagnostics: [
        {
          severity: "warning",
          code: "unknown_department",
          message: `部门“海洋与渔业局”不在部门目录中，报告编号使用代号 ${slug} / department "海洋与渔业局" is not in the department catalog; the report id uses ${slug}`,
          line: null,
        },
      ],
    });
    // The same department elsewhere has the same slug; a management committee that is no zone's is a department.
    expect(splitDepartment("沭阳县海洋与渔业局").department!.slug).toBe(slug);
    expect(splitDepartment("沭阳县住房公积金管理委员会")).toMatchObject({ government: "沭阳县", department: { name: "住房公积金管理委员会" } });
    // The split follows the longest known jurisdiction name: 宿迁市沭阳县, not 宿迁市.
    expect(splitDepartment("宿迁市沭阳县城市更新局")).toMatchObject({ government: "宿迁市沭阳县", department: { name: "城市更新局" } });
  });

  it("a department without its government names no government", () => {
    expect(splitDepartment("财政局")).toEqual({ government: "", department: { slug: "finance", name: "财政局", fullName: "财政局" }, diagnostics: [] });
    expect(resolveOwner("财政局", "")).toBeNull();
  });
});

describe("resolveOwner", () => {
  it("gives a department's report its government's jurisdiction and an id of its own", () => {
    const department = resolveOwner("沭阳县发展和改革局", "");
    expect(department!.jurisdiction).toMatchObject({ id: "321322", code: "321322", match: "exact" });
    const government = resolveOwner("沭阳县人民政府", "");
    expect(reportIdOf(department!.jurisdiction, department!.department, 2023)).toBe("321322-development-reform-2023");
    expect(reportIdOf(government!.jurisdiction, government!.department, 2023)).toBe("321322-2023");
  });

  it("平潭综合实验区地方税务局 → the special area + local-taxation", () => {
    const owner = resolveOwner("平潭综合实验区地方税务局", "")!;
    expect(owner.jurisdiction).toMatchObject({ id: "x659039f5dea5", code: null, match: "special_area" });
    expect(reportIdOf(owner.jurisdiction, owner.department, 2013)).toBe("x659039f5dea5-local-taxation-2013");
  });

  it("collects the warnings of both steps", () => {
    const owner = resolveOwner("火星县海洋与渔业局", "")!;
    expect(owner.diagnostics.map((d) => d.code)).toEqual(["unknown_department", "unresolved_jurisdiction"]);
  });
});

describe("departments.json", () => {
  const kinds = DepartmentsFile.parse(departmentsFile).departments;

  it("lists the common kinds of county and prefecture departments, each with a unique ASCII slug", () => {
    const slugs = kinds.map((k) => k.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const name of [
      "财政局", "教育局", "公安局", "民政局", "人力资源和社会保障局", "自然资源局", "国土资源局", "生态环境局", "环境保护局",
      "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "卫生和计划生育委员会",
      "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理局", "司法局", "退役军人事务局", "税务局", "档案局", "行政审批局",
    ]) {
      expect(kinds.filter((k) => k.names.includes(name)).length, name).toBe(1);
    }
  });
});
