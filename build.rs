// The migrations are embedded by `sqlx::migrate!` at compile time: rebuild when
// one is added or edited, not only when Rust code changes.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
