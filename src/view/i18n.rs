//! Interface strings in zh-Hans, zh-Hant and en, and date formatting.
//!
//! Only the widget's own words live here; text from data is never translated.

use crate::model::date::Date;
use crate::model::text::Lang;

/// Every fixed string the interface shows, in one language.
#[allow(missing_docs)]
pub struct Strings {
    pub task_forces: &'static str,
    pub as_of: &'static str,
    pub source: &'static str,
    pub sample_badge: &'static str,
    pub sample_note: &'static str,
    pub overall: &'static str,
    pub measures_done: &'static str,
    pub focus: &'static str,
    pub leader: &'static str,
    pub members: &'static str,
    pub not_published: &'static str,
    pub measures: &'static str,
    pub due: &'static str,
    pub no_due: &'static str,
    pub overdue: &'static str,
    pub progress: &'static str,
    pub schedule: &'static str,
    pub latest_report: &'static str,
    pub no_reports: &'static str,
    pub no_measures: &'static str,
    pub report_source: &'static str,
    pub load_failed: &'static str,
    pub what_to_do: &'static str,
    pub sample_short: &'static str,
    pub showing_as_of: &'static str,
    pub update_failed: &'static str,
    pub version: &'static str,
    pub download: &'static str,
    pub language: &'static str,
    pub filters: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    pub status: &'static str,
    pub all_statuses: &'static str,
    pub scope: &'static str,
    pub scope_one: &'static str,
    pub scope_all: &'static str,
    pub clear: &'static str,
    pub no_results: &'static str,
    pub updated: &'static str,
    pub only_updated: &'static str,
    pub layout: &'static str,
    pub list: &'static str,
    pub timeline: &'static str,
    pub start: &'static str,
    pub as_table: &'static str,
    pub timeline_legend: &'static str,
    pub measure: &'static str,
    pub results_all: &'static str,
    pub milestones: &'static str,
    pub history: &'static str,
    pub ms_done: &'static str,
    pub ms_pending: &'static str,
    pub ms_late: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub data_updated: &'static str,
    pub version_help: &'static str,
    pub overdue_only: &'static str,
    pub search_all: &'static str,
    pub copy_here: &'static str,
    pub unavailable: &'static str,
    pub not_updated: &'static str,
    pub update_pending: &'static str,
}

const ZH_HANS: Strings = Strings {
    task_forces: "专班",
    as_of: "数据截至",
    source: "来源",
    sample_badge: "示例数据 · Sample data",
    sample_note: "原文未公布各项措施的状态和进度，此处状态与数字为示例，并非官方数据。",
    overall: "总体进展",
    measures_done: "项已完成",
    focus: "工作重点",
    leader: "专班组长",
    members: "成员单位",
    not_published: "原文未公布",
    measures: "工作措施",
    due: "完成时限",
    no_due: "未定时限",
    overdue: "已逾期",
    progress: "已报进度",
    schedule: "序时进度",
    latest_report: "最新汇报",
    no_reports: "暂无汇报",
    no_measures: "暂无工作措施",
    report_source: "出处",
    load_failed: "进展数据加载失败",
    what_to_do: "请检查数据文件后刷新页面。",
    sample_short: "示例",
    showing_as_of: "显示的是此前加载的数据，截至",
    update_failed: "更新失败：",
    version: "数据版本",
    download: "下载数据",
    language: "语言",
    filters: "筛选措施",
    search: "搜索",
    search_hint: "措施或汇报中的文字",
    status: "状态",
    all_statuses: "全部状态",
    scope: "范围",
    scope_one: "当前专班",
    scope_all: "全部专班",
    clear: "清除筛选",
    no_results: "没有符合条件的措施。",
    updated: "自上次访问后有更新",
    only_updated: "只看有更新的措施",
    layout: "显示方式",
    list: "列表",
    timeline: "时间轴",
    start: "开始",
    as_table: "以表格查看时间轴",
    timeline_legend: "竖线为数据截至日期（序时进度所在）；粗线为已报进度；菱形为节点，实心为已达成；红色时限为已逾期。",
    measure: "措施",
    results_all: "全部专班中的筛选结果",
    milestones: "节点",
    history: "汇报记录",
    ms_done: "已完成",
    ms_pending: "待完成",
    ms_late: "已逾期",
    copy_link: "复制链接",
    link_copied: "链接已复制",
    copy_failed: "无法复制，链接为：",
    data_updated: "数据已更新，截至",
    version_help: "（下载文件的文件名带有同一标识，可据此核对）",
    overdue_only: "已逾期的措施",
    search_all: "在全部专班中查看",
    copy_here: "复制此链接",
    unavailable: "进展数据暂时无法显示，请稍后再试。",
    not_updated: "数据暂时无法更新，以下为此前发布的内容。",
    update_pending: "更新暂时未成功",
};

const ZH_HANT: Strings = Strings {
    task_forces: "專班",
    as_of: "資料截至",
    source: "來源",
    sample_badge: "示例資料 · Sample data",
    sample_note: "原文未公佈各項措施的狀態和進度，此處狀態與數字為示例，並非官方資料。",
    overall: "總體進展",
    measures_done: "項已完成",
    focus: "工作重點",
    leader: "專班組長",
    members: "成員單位",
    not_published: "原文未公佈",
    measures: "工作措施",
    due: "完成時限",
    no_due: "未定時限",
    overdue: "已逾期",
    progress: "已報進度",
    schedule: "序時進度",
    latest_report: "最新匯報",
    no_reports: "暫無匯報",
    no_measures: "暫無工作措施",
    report_source: "出處",
    load_failed: "進展資料載入失敗",
    what_to_do: "請檢查資料檔案後重新整理頁面。",
    sample_short: "示例",
    showing_as_of: "顯示的是此前載入的資料，截至",
    update_failed: "更新失敗：",
    version: "資料版本",
    download: "下載資料",
    language: "語言",
    filters: "篩選措施",
    search: "搜尋",
    search_hint: "措施或匯報中的文字",
    status: "狀態",
    all_statuses: "全部狀態",
    scope: "範圍",
    scope_one: "當前專班",
    scope_all: "全部專班",
    clear: "清除篩選",
    no_results: "沒有符合條件的措施。",
    updated: "自上次造訪後有更新",
    only_updated: "只看有更新的措施",
    layout: "顯示方式",
    list: "列表",
    timeline: "時間軸",
    start: "開始",
    as_table: "以表格查看時間軸",
    timeline_legend: "豎線為資料截至日期（序時進度所在）；粗線為已報進度；菱形為節點，實心為已達成；紅色時限為已逾期。",
    measure: "措施",
    results_all: "全部專班中的篩選結果",
    milestones: "節點",
    history: "匯報記錄",
    ms_done: "已完成",
    ms_pending: "待完成",
    ms_late: "已逾期",
    copy_link: "複製連結",
    link_copied: "連結已複製",
    copy_failed: "無法複製，連結為：",
    data_updated: "資料已更新，截至",
    version_help: "（下載檔案的檔名帶有同一標識，可據此核對）",
    overdue_only: "已逾期的措施",
    search_all: "在全部專班中查看",
    copy_here: "複製此連結",
    unavailable: "進展資料暫時無法顯示，請稍後再試。",
    not_updated: "資料暫時無法更新，以下為此前發佈的內容。",
    update_pending: "更新暫時未成功",
};

const EN: Strings = Strings {
    task_forces: "Task forces",
    as_of: "Data as of",
    source: "Source",
    sample_badge: "Sample data · 示例数据",
    sample_note:
        "The source does not give statuses or progress; statuses and figures here are samples, not official data.",
    overall: "Overall progress",
    measures_done: "completed",
    focus: "Focus",
    leader: "Leader",
    members: "Member units",
    not_published: "Not stated in the source",
    measures: "Measures",
    due: "Due",
    no_due: "No deadline set",
    overdue: "Overdue",
    progress: "Reported",
    schedule: "Schedule",
    latest_report: "Latest report",
    no_reports: "No reports yet",
    no_measures: "No measures yet",
    report_source: "Source",
    load_failed: "Could not load the progress data",
    what_to_do: "Check the data file, then reload the page.",
    sample_short: "Sample",
    showing_as_of: "Showing earlier data as of",
    update_failed: "Update failed:",
    version: "Data version",
    download: "Download data",
    language: "Language",
    filters: "Filter measures",
    search: "Search",
    search_hint: "Words in a measure or report",
    status: "Status",
    all_statuses: "All statuses",
    scope: "Scope",
    scope_one: "This task force",
    scope_all: "All task forces",
    clear: "Clear filters",
    no_results: "No measures match.",
    updated: "Updated since your last visit",
    only_updated: "Show only these",
    layout: "Show as",
    list: "List",
    timeline: "Timeline",
    start: "Start",
    as_table: "View the timeline as a table",
    timeline_legend: "The vertical line is the as-of date (where schedule progress stands); the thick line is reported progress; diamonds are milestones, filled when reached; a red deadline is overdue.",
    measure: "Measure",
    results_all: "Results in all task forces",
    milestones: "Milestones",
    history: "Status history",
    ms_done: "Done",
    ms_pending: "Due",
    ms_late: "Overdue",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Could not copy. The link is: ",
    data_updated: "Data updated, as of",
    version_help: "(downloaded files carry the same code in their names)",
    overdue_only: "Overdue measures",
    search_all: "Show them in all task forces",
    copy_here: "Copy this link",
    unavailable: "The progress data cannot be shown right now. Please try again later.",
    not_updated: "The data could not be updated just now; below is what was published earlier.",
    update_pending: "the latest update could not be loaded",
};

/// The interface strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
    }
}

/// "Showing 3 of 23 measures."
pub fn showing(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::ZhHans => format!("显示 {shown}/{total} 项措施"),
        Lang::ZhHant => format!("顯示 {shown}/{total} 項措施"),
        Lang::En => format!("Showing {shown} of {total} measures"),
    }
}

/// The "show more" button under a long list.
pub fn show_more(lang: Lang, remaining: usize) -> String {
    match lang {
        Lang::ZhHans => format!("显示更多（还有 {remaining} 项）"),
        Lang::ZhHant => format!("顯示更多（還有 {remaining} 項）"),
        Lang::En => format!("Show more ({remaining} more)"),
    }
}

/// "3 match" on a task force's tab while a filter is on.
pub fn matching(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("{n} 项符合"),
        Lang::ZhHant => format!("{n} 項符合"),
        Lang::En if n == 1 => "1 match".into(),
        Lang::En => format!("{n} matches"),
    }
}

/// "8 overdue" beside a count of measures.
pub fn overdue_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("{n} 项逾期"),
        Lang::ZhHant => format!("{n} 項逾期"),
        Lang::En => format!("{n} overdue"),
    }
}

/// Matches outside the task force being searched.
pub fn elsewhere(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("其他专班另有 {n} 项"),
        Lang::ZhHant => format!("其他專班另有 {n} 項"),
        Lang::En if n == 1 => "1 more in other task forces".into(),
        Lang::En => format!("{n} more in other task forces"),
    }
}

/// The name of a language in that language, for the language switch.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "简体中文",
        Lang::ZhHant => "繁體中文",
        Lang::En => "English",
    }
}

pub use crate::model::status_label;

/// "3 measures updated since your last visit".
pub fn updated_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("{n} 项措施自上次访问后有更新"),
        Lang::ZhHant => format!("{n} 項措施自上次造訪後有更新"),
        Lang::En if n == 1 => "1 measure updated since your last visit".to_string(),
        Lang::En => format!("{n} measures updated since your last visit"),
    }
}

/// A date as readers of `lang` write it: `2020年4月17日` or `17 Apr 2020`.
pub fn format_date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {} {}", d.day(), MONTHS[usize::from(d.month() - 1)], d.year()),
        _ => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
    }
}

/// A date's month as readers of `lang` write it: `2020年4月` or `Apr 2020`.
pub fn format_month(d: Date, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", MONTHS[usize::from(d.month() - 1)], d.year()),
        _ => format!("{}年{}月", d.year(), d.month()),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;

    #[test]
    fn dates_read_naturally() {
        let d = Date::parse("2020-04-17").unwrap();
        assert_eq!(format_date(d, Lang::ZhHans), "2020年4月17日");
        assert_eq!(format_date(d, Lang::En), "17 Apr 2020");
    }

    #[test]
    fn every_status_has_three_labels() {
        for s in Status::ALL {
            let labels: Vec<_> = Lang::ALL.iter().map(|l| status_label(s, *l)).collect();
            assert!(labels.iter().all(|l| !l.is_empty()));
        }
        assert_eq!(status_label(Status::Behind, Lang::ZhHans), "滞后序时");
    }
}
