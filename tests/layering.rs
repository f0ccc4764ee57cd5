//! The import graph follows the pipeline: text -> structure -> time -> entities -> reading -> records
//! -> corpus -> stats. A module of a stage may use only earlier stages and the shared base (the data model in
//! `types` and `error`, `util`, the `gazetteer`); evaluation (`eval`) and the binding (`python`) may
//! use anything, and nothing but `lib.rs` (which assembles the pipeline), `eval` and `python` may use
//! them. Read from the source text, so it also holds for code that is not compiled by default.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The position of each top-level module in the data's path; equal ranks may use each other.
fn rank(module: &str) -> Option<u32> {
    Some(match module {
        "types" | "error" | "util" | "gazetteer" => 0,
        "structure" => 1,
        "time" => 2,
        "entities" => 3,
        "reading" => 4,
        // the pipeline functions of lib.rs: structure through reading, in one call
        "analyze" | "analyze_owned" | "analyze_with_names" | "UserNames" | "UserEntry" | "parse"
        | "parse_with_model" | "Stages" | "MAX_STORY_BYTES" | "model_files" => 5,
        // the output records (char offsets) built from a finished article, then tables of them
        "records" => 6,
        "corpus" => 7,
        "stats" => 8,
        "eval" => 9,
        "python" => 10,
        // re-exports of the data model and errors at the crate root
        "Error" | "Result" | "ParseOptions" | "Article" | "Span" | "Label" | "Entity" => 0,
        _ => return None,
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without its unit tests (a `#[cfg(test)]` module may build whole articles).
fn non_test_code(src: &str) -> &str {
    match src.find("#[cfg(test)]\nmod ") {
        Some(i) => &src[..i],
        None => src,
    }
}

/// The top-level modules named after `crate::`, including those inside `use crate::{a::b, c};`.
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let b = code.as_bytes();
    for (i, _) in code.match_indices("crate::") {
        // `$crate::` in a macro names this crate too, and counts like `crate::`
        let mut j = i + "crate::".len();
        if b.get(j) == Some(&b'{') {
            // top-level names of a use group: split at commas of depth one
            let mut depth = 0usize;
            let mut start = j + 1;
            while j < b.len() {
                match b[j] {
                    b'{' => depth += 1,
                    b'}' if depth == 1 => {
                        out.insert(first_segment(&code[start..j]));
                        break;
                    }
                    b'}' => depth -= 1,
                    b',' if depth == 1 => {
                        out.insert(first_segment(&code[start..j]));
                        start = j + 1;
                    }
                    _ => {}
                }
                j += 1;
            }
        } else {
            let end = code[j..].find(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(code.len(), |e| j + e);
            out.insert(code[j..end].to_string());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn first_segment(s: &str) -> String {
    let s = s.trim();
    s.split("::").next().unwrap_or("").trim().to_string()
}

/// The stage a source file belongs to: its folder or file under src/.
fn stage_of(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn stages_use_only_earlier_stages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut checked = 0;
    for f in &files {
        let stage = stage_of(&root, f);
        if matches!(stage.as_str(), "lib" | "bin") {
            continue; // lib.rs assembles the pipeline; the binaries are tools over the public API
        }
        let own =
            rank(&stage).unwrap_or_else(|| panic!("{}: module {stage} has no place in the pipeline", f.display()));
        let src = std::fs::read_to_string(f).unwrap();
        // A `tests.rs` beside a `mod.rs` that declares it `#[cfg(test)] mod tests;` is unit tests only.
        let sibling = f.with_file_name("mod.rs");
        let test_file = f.file_name().is_some_and(|n| n == "tests.rs")
            && std::fs::read_to_string(&sibling).is_ok_and(|m| m.contains("#[cfg(test)]\nmod tests;"));
        if test_file {
            continue;
        }
        for r in crate_refs(non_test_code(&src)) {
            let Some(used) = rank(&r) else {
                violations.push(format!("{}: uses crate::{r}, which has no place in the pipeline", f.display()));
                continue;
            };
            checked += 1;
            if used > own {
                violations.push(format!("{}: stage `{stage}` uses later stage `{r}`", f.display()));
            }
        }
    }
    assert!(checked > 50, "only {checked} references found: is the scan broken?");
    assert!(violations.is_empty(), "imports against the pipeline:\n{}", violations.join("\n"));
}

#[test]
fn the_scan_sees_use_groups_and_paths() {
    let code = "use crate::{reading::story::{self, Doc}, types::*};\nfn f() { crate::time::normalize(x); }";
    let refs: Vec<String> = crate_refs(code).into_iter().collect();
    assert_eq!(refs, ["reading", "time", "types"]);
    assert!(rank("reading") > rank("entities"));
}
