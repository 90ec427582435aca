//! The `numerovert` binary: a thin shim over [`numerovert::app`].

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    numerovert::app::run(numerovert::app::Cli::parse()).await
}
