//! Problems in Chinese, for the staff tools (`tft` with `--lang zh` or a
//! Chinese locale, and the data desk): the checks word their problems in
//! English, in a small fixed set of shapes ("expected X, found Y", "missing
//! field `f`, expected X"…), each built from the same few pieces. This reads
//! those shapes back and says them in Chinese; a message it does not know is
//! kept as it is rather than guessed at. The widget never needs it: readers
//! see a short notice, editors the English detail with `preview`.

/// `message` in Chinese (a problem's message, with its "(in …)" context).
pub fn message(message: &str) -> String {
    let (body, context) = match message.rsplit_once(" (in task force ") {
        Some((body, rest)) => (body, Some(rest.trim_end_matches(')'))),
        None => (message, None),
    };
    let mut out = sentence(body);
    if let Some(context) = context {
        let context = context.replacen(", measure ", "，措施 ", 1);
        out.push_str(&format!("（位于专班 {context}）"));
    }
    out
}

fn sentence(m: &str) -> String {
    // "; did you mean X?" after any of the shapes below.
    if let Some((head, near)) = m.rsplit_once("; did you mean ") {
        return format!("{}；是否应为 {}？", sentence(head), near.trim_end_matches('?'));
    }
    if let Some(rest) = m.strip_prefix("missing field `") {
        if let Some((field, rest)) = rest.split_once("`, expected ") {
            return format!("缺少字段 `{field}`，应为{}", expected(rest));
        }
    }
    if let Some(rest) = m.strip_prefix("empty, expected ") {
        return format!("为空，应为{}", expected(rest));
    }
    if let Some(rest) = m.strip_prefix("expected ") {
        if let Some((want, found)) = rest.rsplit_once(", found ") {
            return format!("应为{}，实际是{}", expected(want), found_as(found));
        }
        if let Some((want, why)) = rest.split_once(": ") {
            return format!("应为{}：{}", expected(want), id_problem(why));
        }
    }
    if let Some(rest) = m.strip_prefix("text is ") {
        if let Some((n, max)) = rest.split_once(" characters long, expected at most ") {
            return format!("文字长 {n} 个字符，最多 {max} 个");
        }
    }
    if let Some((cell, rest)) = m.split_once("\" could be ") {
        if let Some((a, b)) = rest.split_once(" (month first) or ") {
            let b = b.split(" (day first)").next().unwrap_or(b);
            return format!("{cell}” 既可读作 {a}（月在前），也可读作 {b}（日在前）；请写成 YYYY-MM-DD")
                .replacen('"', "“", 1);
        }
    }
    if let Some((field, _)) =
        m.strip_prefix("unknown field `").and_then(|r| r.split_once("` is ignored; expected one of: "))
    {
        return format!("未知字段 `{field}`，已忽略");
    }
    if let Some(rest) = m.strip_prefix("unknown column; expected any of: ") {
        return format!("未知的列；可用的列有：{rest}");
    }
    if let Some(rest) = m.strip_prefix("unknown language `") {
        return format!("未知的语言 `{}，应为 zh-Hans、zh-Hant 或 en", rest.split('`').next().unwrap_or(rest)) + "`";
    }
    if let Some(rest) = m.strip_prefix("completed, but progress is ") {
        return format!("状态为已完成，但进度是 {rest}");
    }
    if let Some((d, s)) = m.strip_prefix("due ").and_then(|r| r.split_once(" is before the start ")) {
        return format!("完成时限 {d} 早于开始日期 {s}");
    }
    if let Some((d, a)) = m.strip_prefix("report dated ").and_then(|r| r.split_once(", after the as-of date ")) {
        return format!("汇报日期 {d} 晚于数据截至日期 {a}");
    }
    if let Some(rest) = m.strip_prefix("duplicate id \"") {
        if let Some((id, scope)) = rest.split_once("\", expected ids unique ") {
            let scope = if scope.contains("task forces") { "各专班之间" } else { "同一专班内" };
            return format!("编号 \"{id}\" 重复，{scope}的编号不能重复");
        }
    }
    if let Some(rest) = m.strip_prefix("the title \"") {
        if let Some((t, _)) = rest.split_once("\" appears more than once") {
            return format!("标题 \"{t}\" 在本专班中出现不止一次");
        }
    }
    if let Some(rest) = m.strip_prefix("a report for measure \"") {
        return format!("这条汇报所属的措施 \"{}\" 在上方没有措施行", rest.split('"').next().unwrap_or(rest));
    }
    if let Some(rest) = m.strip_prefix("a report for task force \"") {
        return format!("这条汇报所属的专班 \"{}\" 在上方没有措施行", rest.split('"').next().unwrap_or(rest));
    }
    if let Some(rest) = m.strip_prefix('"') {
        if let Some((id, rest)) = rest.split_once("\" is already the id of the measure on row ") {
            if let Some((row, tf)) = rest.split_once(" of task force \"") {
                let tf = tf.split('"').next().unwrap_or(tf);
                return format!("\"{id}\" 已是专班 \"{tf}\" 第 {row} 行措施的编号；每项措施须有自己的编号");
            }
        }
    }
    if let Some(rest) = m.strip_prefix("empty, but ") {
        let en = rest.split(' ').next().unwrap_or(rest);
        return format!("为空，但已填写 {en}；中文内容必填（否则中文读者看到的是英文）");
    }
    if let Some(found) = m.strip_prefix("on a milestone row, expected 已完成 (completed) or nothing, found ") {
        return format!("节点行的 status 只能填“已完成”或留空，实际是 {found}");
    }
    if let Some(found) = m.strip_prefix("expected measure, milestone or report, found ") {
        return format!("应为 measure、milestone 或 report，实际是 {found}");
    }
    if let Some((n, max)) = m.split_once(" entries, expected at most ") {
        return format!("共 {n} 项，最多 {max} 项");
    }
    if let Some((n, max)) = m.split_once(" measures in all, expected at most ") {
        return format!("共 {n} 项措施，最多 {max} 项");
    }
    if let Some(name) = m.strip_prefix('`').and_then(|r| r.strip_suffix("` appears twice")) {
        return format!("`{name}` 出现了两次");
    }
    let fixed = match m {
        "the file is empty" => "文件是空的",
        super::READERS_TABLE => {
            "这是从进展表“下载数据 CSV”得到的读者表格（每项措施一行，只含最新汇报），不是计划的数据表格；请在工作台用“下载表格”或用 tft export-csv 取得数据表格，编辑后再导入"
        }
        "required column is missing" => "缺少这一必填列",
        "empty; a report needs its date" => "为空；汇报需要填写日期",
        "empty; a milestone needs its due date" => "为空；节点需要填写日期",
        "empty, expected an id" => "为空，应填写编号",
        "report columns on a measure row; put reports on their own rows with type=report" => {
            "措施行里填了汇报列；汇报请单独成行，type 填 report"
        }
        "empty list, expected at least one task force" => "专班列表为空，至少需要一个专班",
        "a quoted cell is never closed (a \" is missing)" => "有一个带引号的单元格没有结束（缺少一个 \"）",
        "the file is neither valid UTF-8 nor GB18030; save it as \"CSV UTF-8\" and try again" => {
            "文件既不是 UTF-8 也不是 GB18030 编码；请另存为“CSV UTF-8”后重试"
        }
        "unexpected end of file inside a string" => "文件在一段文字中间就结束了（可能被截断）",
        "unexpected end of file inside an array" => "文件在一个列表中间就结束了（可能被截断）",
        "unexpected end of file inside an object" => "文件在一个对象中间就结束了（可能被截断）",
        "unexpected end of file, expected a value" => "文件意外结束，缺少一个值",
        "this looks like HTML, expected JSON" => "这看起来是网页（HTML），应为 JSON 数据文件",
        "the text is not valid UTF-8" => "文件不是有效的 UTF-8 文字",
        "nesting is deeper than 64 levels" => "嵌套超过 64 层",
        _ => return m.to_string(),
    };
    fixed.to_string()
}

/// What a value must be (the pieces of `format::expected`).
fn expected(want: &str) -> String {
    if let Some(max) = want
        .strip_prefix("a non-empty string, or an object of strings keyed by zh-Hans, zh-Hant or en (at most ")
        .and_then(|r| r.strip_suffix(" characters each)"))
    {
        return format!("非空文字，或以 zh-Hans、zh-Hant、en 为键的文字（每种最多 {max} 个字符）");
    }
    if want.starts_with("a real date written YYYY-MM-DD") {
        let example = want.split("for example ").nth(1).map_or("2024-06-30", |e| e.trim_end_matches(')'));
        return format!("真实存在的日期，写成 YYYY-MM-DD（如 {example}）");
    }
    if let Some(words) = want.strip_prefix("one of ") {
        return format!("以下之一：{}", words.replace(" (", "（").replace("), ", "）、").replace(')', "）"));
    }
    if let Some(max) = want.strip_prefix("a list of at most ").and_then(|r| r.strip_suffix(" texts")) {
        return format!("最多 {max} 项文字的列表");
    }
    if let Some((max, what)) = want.strip_prefix("a list of at most ").and_then(|r| r.split_once(' ')) {
        return format!("最多 {max} 个 {} 的列表", what.trim_end_matches(" objects"));
    }
    if let Some(t) = want.strip_prefix("an object (").and_then(|r| r.strip_suffix(')')) {
        return format!("一个对象（{t}）");
    }
    match want {
        "an id of 1-64 characters a-z, 0-9, '-' or '_', starting with a letter or digit" => {
            "1–64 个字符的编号（小写字母 a-z、数字、“-”或“_”，以字母或数字开头）".into()
        }
        "an absolute http:// or https:// link" => "以 http:// 或 https:// 开头的完整链接".into(),
        "a whole number from 0 to 100" => "0 到 100 的整数".into(),
        "true or false" => "true 或 false".into(),
        "a string" => "文字".into(),
        other => other.into(),
    }
}

/// What was found (the pieces of `Kind::describe`).
fn found_as(found: &str) -> String {
    if let Some(s) = found.strip_prefix("the string \"").and_then(|r| r.strip_suffix('"')) {
        return format!("文字“{s}”");
    }
    if let Some(n) = found.strip_prefix("the number ") {
        return format!("数字 {n}");
    }
    if let Some(n) = found.strip_prefix("a string of ").and_then(|r| r.strip_suffix(" characters")) {
        return format!("{n} 个字符的文字");
    }
    if let Some(n) = found.strip_prefix("an array of ") {
        return format!("{n} 项的列表");
    }
    match found {
        "an object" => "一个对象".into(),
        other => other.into(),
    }
}

/// Why a string is not an id (the pieces of `Id::problem`).
fn id_problem(why: &str) -> String {
    if let Some(rest) = why.strip_prefix("character ") {
        if let Some((i, rest)) = rest.split_once(" of ") {
            if let Some((n, rest)) = rest.split_once(" is ") {
                let rest = rest
                    .replace(" (use lowercase)", "（请用小写）")
                    .replace(" (an id starts with a letter or digit)", "（编号须以字母或数字开头）");
                return format!("第 {i} 个字符（共 {n} 个）是 {rest}");
            }
        }
    }
    if let Some((n, k)) = why.strip_prefix("it is ").and_then(|r| r.split_once(" characters long, ")) {
        return format!("共 {n} 个字符，比上限 64 多 {}", k.split(' ').next().unwrap_or(k));
    }
    match why {
        "the id is empty" => "编号为空".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn the_shapes_read_in_chinese() {
        assert_eq!(
            message("expected a whole number from 0 to 100, found the string \"abc\""),
            "应为0 到 100 的整数，实际是文字“abc”"
        );
        assert_eq!(
            message("expected one of completed (已完成), on-track (按序时推进), found the string \"按时推进\"; did you mean 按序时推进?"),
            "应为以下之一：completed（已完成）、on-track（按序时推进），实际是文字“按时推进”；是否应为 按序时推进？"
        );
        assert_eq!(
            message("\"6/7/2024\" could be 2024-06-07 (month first) or 2024-07-06 (day first); write it as YYYY-MM-DD"),
            "“6/7/2024” 既可读作 2024-06-07（月在前），也可读作 2024-07-06（日在前）；请写成 YYYY-MM-DD"
        );
        assert_eq!(
            message("expected a real date written YYYY-MM-DD (for example 2020-04-17), found the string \"2020-02-30\" (in task force \"culture\" 文化振兴, measure \"x\" 措施)"),
            "应为真实存在的日期，写成 YYYY-MM-DD（如 2020-04-17），实际是文字“2020-02-30”（位于专班 \"culture\" 文化振兴，措施 \"x\" 措施）"
        );
        assert_eq!(message("something new"), "something new", "unknown shapes are kept, not guessed");
    }
}
