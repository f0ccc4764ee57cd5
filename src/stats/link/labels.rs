//! A one-word name the recogniser labels one way in some stories and another way in others
//! ("Labatt" ORG beside "John Labatt" PERSON; "PENNEY" ORG beside "JC PENNEY" PERSON).

use super::*;

/// The name under another label that a one-word short form (node `own`: `label`, `key`, looked
/// up as `query`) with no candidate of its own label stands for: the dominant full name of that
/// label it is the short form of ("Labatt" ORG, "John Labatt" PERSON), else the same key under
/// that label when that is in more stories ("Drexel" PERSON, "Drexel" ORG: one direction only,
/// so that two nodes never trade places). A person and an organisation only, each the other's;
/// places and peoples are never joined this way.
///
/// The whole node joins, or none of it (a name joined in some stories and not others would split
/// what its own label holds together), and only where most of its stories share an uncommon
/// person or organisation with that name's stories (`Context::shares_names`): a corpus-wide vote
/// on labels joined namesakes. Nodes in more than [`SPELLED_LOOKS`] stories stay (a bound on the
/// cost, as for `shares_names`).
#[allow(clippy::too_many_arguments)]
pub(super) fn across_labels(
    (label, key, query): (&str, &str, &str),
    own: NodeId,
    year: i32,
    node_of: &FxHashMap<(&str, &str), NodeId>,
    windows: &FxHashMap<(i32, &str, &str), Candidates>,
    context: &Context,
    node_keys: &[NodeKey],
) -> Option<NodeId> {
    if key.is_empty() || key.contains(' ') {
        return None;
    }
    let other = match label {
        "PERSON" => "ORG",
        "ORG" => "PERSON",
        _ => return None,
    };
    let mine = context.node_stories(own);
    if mine.is_empty() || mine.len() > SPELLED_LOOKS {
        return None;
    }
    let full =
        [year, i32::MAX].into_iter().find_map(|w| windows.get(&(w, other, query))).and_then(|c| c.pick("", node_keys));
    let n = full.or_else(|| {
        let &n = node_of.get(&(other, key))?;
        let theirs = context.node_stories(n).len();
        (theirs > mine.len() || theirs == mine.len() && label == "ORG").then_some(n)
    })?;
    let backed = mine.iter().filter(|&&s| context.shares_names(s, own, n, node_keys)).count();
    (n != own && 2 * backed > mine.len()).then_some(n)
}

// Here rather than in tests.rs, which is at the length limit of a file; its helpers are shared.
#[cfg(test)]
mod tests {
    use super::super::tests::{ids, n};

    #[test]
    fn one_word_names_join_across_labels_with_shared_names() {
        let ms = vec![
            // "Zorvex" a company in two stories, a person in one: the stories share a person
            n(1, "Zorvex", "ORG"),
            n(1, "Quillan Dobbs", "PERSON"),
            n(2, "Zorvex", "ORG"),
            n(2, "Quillan Dobbs", "PERSON"),
            n(3, "Zorvex", "PERSON"),
            n(3, "Quillan Dobbs", "PERSON"),
            // "Brantel": the person's story shares nothing with the company's
            n(10, "Brantel", "ORG"),
            n(10, "Kestrel Mining Co", "ORG"),
            n(11, "Brantel", "ORG"),
            n(12, "Brantel", "PERSON"),
            n(12, "Omar Ruddle", "PERSON"),
            // a company's word and a person's full name of three stories ending in it
            n(20, "Amos Parlow", "PERSON"),
            n(20, "Hedda Linz", "PERSON"),
            n(21, "Amos Parlow", "PERSON"),
            n(23, "Amos Parlow", "PERSON"),
            n(22, "Parlow", "ORG"),
            n(22, "Hedda Linz", "PERSON"),
            // a place is never joined this way, whatever the stories share
            n(30, "Vandor", "GPE"),
            n(30, "Ilse Marrow", "PERSON"),
            n(31, "Vandor", "PERSON"),
            n(31, "Ilse Marrow", "PERSON"),
        ];
        let id = ids(&ms);
        assert_eq!(id[4], id[0]);
        assert_eq!(id[0], id[2]);
        assert_ne!(id[9], id[6]);
        assert_eq!(id[6], id[8]);
        assert_eq!(id[15], id[11]);
        assert_ne!(id[19], id[17]);
    }
}
