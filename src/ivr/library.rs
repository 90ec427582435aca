//! The scripts the service plays, loaded from `ivr-scripts/` and swapped in place
//! when the files change: a reload never interrupts calls, and a reload that
//! fails validation is refused while the previous scripts keep playing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use super::script::{load_dir, LoadedScript};
use super::validate::{validate, Environment};
use crate::sms::kb::{self, KnowledgeBase};

/// The longest bot reply when the configuration says nothing (`[sms] max_reply_segments`).
pub const DEFAULT_MAX_SEGMENTS: usize = 3;

/// The knowledge base of `dir`, if the folder has one; its problems otherwise.
pub fn check_knowledge_base(dir: &Path, max_segments: usize) -> Result<Option<KnowledgeBase>, Vec<String>> {
    if !dir.join(kb::FILE_NAME).exists() {
        return Ok(None);
    }
    KnowledgeBase::load_dir(dir, max_segments).map(Some)
}

/// Loads and validates every script of `dir`; on failure, every message, ready to print.
pub fn check_dir(dir: &Path, roles: &BTreeSet<String>) -> Result<Vec<LoadedScript>, Vec<String>> {
    let scripts = load_dir(dir).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let audio_dir = dir.join("audio");
    let env = Environment {
        roles,
        audio_dir: &audio_dir,
    };
    let problems: Vec<String> = scripts
        .iter()
        .flat_map(|s| validate(&s.path.display().to_string(), &s.script, &env))
        .map(|p| p.to_string())
        .collect();
    if problems.is_empty() {
        Ok(scripts)
    } else {
        Err(problems)
    }
}

/// A cheap signature of the folder's script files, to notice edits.
pub fn fingerprint(dir: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .map(|e| {
            let meta = e.metadata().ok();
            (
                e.path(),
                meta.as_ref().and_then(|m| m.modified().ok()),
                meta.map_or(0, |m| m.len()),
            )
        })
        .collect();
    out.sort();
    out
}

/// The current set of scripts and the SMS knowledge base, shared by every request.
pub struct Library {
    dir: PathBuf,
    roles: BTreeSet<String>,
    max_segments: usize,
    scripts: RwLock<Arc<BTreeMap<String, Arc<LoadedScript>>>>,
    knowledge_base: RwLock<Option<Arc<KnowledgeBase>>>,
    seen: RwLock<Vec<(PathBuf, Option<SystemTime>, u64)>>,
}

impl Library {
    /// Loads `dir`; fails with every problem when a script is unsound.
    pub fn load(dir: &Path, roles: BTreeSet<String>) -> Result<Library, Vec<String>> {
        Library::load_with(dir, roles, DEFAULT_MAX_SEGMENTS)
    }

    /// Loads `dir`, bot replies limited to `max_segments`; fails with every problem
    /// when a script or the knowledge base is unsound.
    pub fn load_with(dir: &Path, roles: BTreeSet<String>, max_segments: usize) -> Result<Library, Vec<String>> {
        let seen = fingerprint(dir);
        let scripts = check_dir(dir, &roles);
        let knowledge_base = check_knowledge_base(dir, max_segments);
        let (scripts, knowledge_base) = both(scripts, knowledge_base)?;
        Ok(Library {
            dir: dir.to_owned(),
            roles,
            max_segments,
            scripts: RwLock::new(Arc::new(index(scripts))),
            knowledge_base: RwLock::new(knowledge_base.map(Arc::new)),
            seen: RwLock::new(seen),
        })
    }

    /// The SMS knowledge base, as currently loaded; None when the folder has none.
    pub fn knowledge_base(&self) -> Option<Arc<KnowledgeBase>> {
        self.knowledge_base
            .read()
            .expect("knowledge base lock poisoned")
            .clone()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The script named `id`, as currently loaded.
    pub fn get(&self, id: &str) -> Option<Arc<LoadedScript>> {
        self.scripts.read().expect("script lock poisoned").get(id).cloned()
    }

    pub fn ids(&self) -> Vec<String> {
        self.scripts
            .read()
            .expect("script lock poisoned")
            .keys()
            .cloned()
            .collect()
    }

    /// Reloads from disk; the old scripts stay in place if the new ones are unsound.
    pub fn reload(&self) -> Result<usize, Vec<String>> {
        let seen = fingerprint(&self.dir);
        *self.seen.write().expect("script lock poisoned") = seen;
        let (scripts, knowledge_base) = both(
            check_dir(&self.dir, &self.roles),
            check_knowledge_base(&self.dir, self.max_segments),
        )?;
        let count = scripts.len();
        *self.scripts.write().expect("script lock poisoned") = Arc::new(index(scripts));
        *self.knowledge_base.write().expect("knowledge base lock poisoned") = knowledge_base.map(Arc::new);
        Ok(count)
    }

    /// Reloads when a file changed since the last load; None when nothing changed.
    pub fn reload_if_changed(&self) -> Option<Result<usize, Vec<String>>> {
        let now = fingerprint(&self.dir);
        if *self.seen.read().expect("script lock poisoned") == now {
            return None;
        }
        Some(self.reload())
    }
}

/// Both results, or every problem of either.
fn both<A, B>(a: Result<A, Vec<String>>, b: Result<B, Vec<String>>) -> Result<(A, B), Vec<String>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => Err(a.err().into_iter().chain(b.err()).flatten().collect()),
    }
}

fn index(scripts: Vec<LoadedScript>) -> BTreeMap<String, Arc<LoadedScript>> {
    scripts.into_iter().map(|s| (s.id.clone(), Arc::new(s))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[script]\nname = \"t\"\nstart = \"a\"\n[nodes.a]\ntype = \"hangup\"\nsay = \"Au revoir.\"\n";

    #[test]
    fn reload_swaps_sound_scripts_and_keeps_the_old_ones_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("main.toml"), GOOD).unwrap();
        let lib = Library::load(dir.path(), BTreeSet::new()).unwrap();
        assert!(lib.reload_if_changed().is_none());

        std::fs::write(
            dir.path().join("main.toml"),
            GOOD.replace("Au revoir.", "À bientôt, au revoir."),
        )
        .unwrap();
        // What the watcher calls every two seconds notices the edit by itself.
        assert_eq!(lib.reload_if_changed().expect("the edit is noticed").unwrap(), 1);
        assert!(lib.reload_if_changed().is_none(), "and only once");
        assert!(
            matches!(&lib.get("main").unwrap().script.nodes["a"], crate::ivr::script::Node::Hangup(h) if h.say.as_deref() == Some("À bientôt, au revoir."))
        );

        std::fs::write(
            dir.path().join("main.toml"),
            GOOD.replace("start = \"a\"", "start = \"zz\""),
        )
        .unwrap();
        let errors = lib.reload().unwrap_err();
        assert!(errors[0].contains("start node \"zz\""), "{errors:?}");
        assert!(lib.get("main").is_some(), "the previous script keeps playing");
    }
}
