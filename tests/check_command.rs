//! `numerovert check`, run as an operator would: exit code and messages.

use std::path::Path;
use std::process::Command;

fn check(scripts: &Path, config: Option<&Path>) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_numerovert"));
    cmd.arg("check")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TWILIO_AUTH_TOKEN", "test-token")
        .env("NUMEROVERT_FALLBACK_NUMBER", "+33199009999")
        .env("NUMEROVERT_SCRIPTS_DIR", scripts);
    if let Some(c) = config {
        cmd.env("NUMEROVERT_CONFIG", c);
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn shipped() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/ivr-scripts"))
}

#[test]
fn the_shipped_scripts_pass() {
    let (ok, stdout, stderr) = check(shipped(), None);
    assert!(ok, "{stdout}\n{stderr}");
    assert!(
        stdout.contains("main.toml") && stdout.contains("configuration, scripts and knowledge base are valid"),
        "{stdout}"
    );
    // Every answer is listed with its size, so a reviewer sees what each costs.
    assert!(stdout.contains("faq.toml: 30 topics, 5 safety answers"), "{stdout}");
    for entry in ["topic allaitement", "safety idees-suicidaires", "messages.callback"] {
        let line = stdout
            .lines()
            .find(|l| l.trim_start().starts_with(entry))
            .unwrap_or_else(|| panic!("{entry} in {stdout}"));
        assert!(
            line.contains("segment(s)") && (line.contains("gsm-7") || line.contains("ucs-2")),
            "{line}"
        );
    }
}

#[test]
fn a_knowledge_base_missing_a_topic_or_an_answer_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(shipped().join("main.toml"), dir.path().join("main.toml")).unwrap();
    let kb = std::fs::read_to_string(shipped().join("faq.toml")).unwrap();
    let kb = kb.replacen("id = \"ecrans\"", "id = \"ecran\"", 1);
    std::fs::write(dir.path().join("faq.toml"), kb).unwrap();
    let (ok, _, stderr) = check(dir.path(), None);
    assert!(!ok, "a knowledge base without a required topic must fail");
    assert!(stderr.contains("the required topic \"ecrans\" is missing"), "{stderr}");

    std::fs::remove_file(dir.path().join("faq.toml")).unwrap();
    let (ok, _, stderr) = check(dir.path(), None);
    assert!(!ok);
    assert!(stderr.contains("the SMS knowledge base is missing"), "{stderr}");
}

#[test]
fn a_broken_script_fails_with_file_node_and_fix() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(shipped().join("main.toml")).unwrap();
    let broken = text
        .replace("next = \"menu-ferme\"", "next = \"menu-fermee\"")
        .replace("role = \"psychologue\"", "role = \"psychiatre\"")
        .replace(
            "{ key = \"3\", to = \"info-maison\"",
            "{ key = \"2\", to = \"info-maison\"",
        );
    std::fs::write(dir.path().join("main.toml"), broken).unwrap();
    let (ok, _, stderr) = check(dir.path(), None);
    assert!(!ok, "a broken script must fail the check");
    assert!(
        stderr.contains("main.toml, node \"ferme\": next leads to \"menu-fermee\", which is not a node"),
        "{stderr}"
    );
    assert!(stderr.contains("fix: create [nodes.menu-fermee]"), "{stderr}");
    assert!(
        stderr.contains("node \"transfert-psychologue\": role \"psychiatre\" is not configured"),
        "{stderr}"
    );
    assert!(
        stderr.contains("node \"infos\": key \"2\" is used by more than one choice"),
        "{stderr}"
    );
}

#[test]
fn a_script_with_a_typo_in_a_key_fails_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.toml"),
        "[script]\nname = \"x\"\nstart = \"a\"\n\n[nodes.a]\ntype = \"hangup\"\nsya = \"Au revoir\"\n",
    )
    .unwrap();
    let (ok, _, stderr) = check(dir.path(), None);
    assert!(!ok);
    assert!(
        stderr.contains("main.toml") && stderr.contains("unknown field `sya`"),
        "{stderr}"
    );
}

#[test]
fn invalid_configuration_names_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("numerovert.toml");
    std::fs::write(
        &config,
        "[helpline]\nvoice = \"Joanna\"\n[hours]\nmonday = [\"9h-12h\"]\n",
    )
    .unwrap();
    let (ok, _, stderr) = check(shipped(), Some(&config));
    assert!(!ok);
    assert!(stderr.contains("[helpline] voice: \"Joanna\""), "{stderr}");
    assert!(stderr.contains("hours.monday"), "{stderr}");
}

#[test]
fn a_line_pointing_to_a_missing_script_fails() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("numerovert.toml");
    std::fs::write(&config, "[[lines]]\nnumber = \"+33800123456\"\nscript = \"noel\"\n").unwrap();
    let (ok, _, stderr) = check(shipped(), Some(&config));
    assert!(!ok);
    assert!(stderr.contains("script \"noel\" is not in"), "{stderr}");
}

#[test]
fn migrate_creates_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let out = Command::new(env!("CARGO_BIN_EXE_numerovert"))
        .arg("migrate")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("TWILIO_AUTH_TOKEN", "test-token")
        .env("NUMEROVERT_FALLBACK_NUMBER", "+33199009999")
        .env("NUMEROVERT_DATABASE_URL", format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("is up to date"));
    assert!(db.is_file());
}

#[test]
fn serve_refuses_to_start_with_a_bad_configuration() {
    let out = Command::new(env!("CARGO_BIN_EXE_numerovert"))
        .arg("serve")
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NUMEROVERT_BIND", "nowhere")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("NUMEROVERT_BIND: \"nowhere\" is not an address"),
        "{stderr}"
    );
    assert!(stderr.contains("TWILIO_AUTH_TOKEN: required"), "{stderr}");
    assert!(stderr.contains("fallback_number: required"), "{stderr}");
}

fn faq_match(text: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_numerovert"))
        .args(["faq", "match", text])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("NUMEROVERT_SCRIPTS_DIR", shipped())
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("faq match prints JSON")
}

#[test]
fn faq_match_prints_what_the_bot_reads_and_answers() {
    let v = faq_match("bjr jsp koi faire, g des crevasses avec l'alaitement");
    assert_eq!(v["topic"], "allaitement", "{v}");
    assert_eq!(v["safety"], serde_json::Value::Null);
    assert!(v["score"].as_f64().unwrap() > 0.0, "{v}");
    assert!(v["alternatives"].is_array(), "{v}");
    assert!(v["reply"].as_str().is_some_and(|r| !r.is_empty()), "{v}");

    let v = faq_match("je veux mourir, je vois plus d'issue");
    assert_eq!(v["safety"], "idees-suicidaires", "{v}");
    assert_eq!(v["topic"], serde_json::Value::Null);
    assert!(v["reply"].as_str().unwrap().contains("3114"), "{v}");
    assert_eq!(v["score"], 1.0, "a cue is certain: {v}");

    // No cue spells this one out: the classifier reads it, and says how sure it is.
    let v = faq_match("j'ai mis de côté toutes les boites de cachets de la maison, ce soir je prends tout");
    assert_eq!(v["safety"], "idees-suicidaires", "{v}");
    assert!(v["cue"].as_str().unwrap().starts_with("the classifier"), "{v}");
    let p = v["score"].as_f64().unwrap();
    assert!((0.3..=1.0).contains(&p), "{v}");

    let v = faq_match("vous vendez des poussettes ?");
    assert_eq!(
        (v["topic"].clone(), v["safety"].clone()),
        (serde_json::Value::Null, serde_json::Value::Null),
        "{v}"
    );
}
