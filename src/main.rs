//! The `sitrep` binary: parses arguments, runs a command, prints the outcome.
//! The only place that prints.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use sitrep::diagnostics::Diagnostics;
use sitrep::pipeline::{self, BuildOptions};

mod cli;

use cli::{Cli, Command, NewCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let started = Instant::now();
            let mut opts = BuildOptions::new(&args.root, today());
            opts.output = args.output;
            opts.drafts = args.drafts;
            opts.base_url = args.base_url;
            let (site, diags) = pipeline::build(&opts);
            report(&opts.root, &diags);
            match site {
                Some(site) => {
                    let pages = site
                        .output
                        .iter()
                        .filter(|(p, _)| p.ends_with(".html"))
                        .count();
                    println!(
                        "Built {} pages ({} briefings, {} groups, {} countries) into {} in {} ms",
                        pages,
                        site.index.briefings.len(),
                        site.index.groups.len(),
                        site.index.countries.len(),
                        opts.output_dir().display(),
                        started.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                None => ExitCode::from(1),
            }
        }
        Command::Check(args) => {
            let mut opts = BuildOptions::new(&args.root, today());
            opts.drafts = args.drafts;
            let diags = pipeline::check(&opts);
            match args.format {
                cli::Format::Human => report(&opts.root, &diags),
                cli::Format::Json => diags.iter().for_each(|d| println!("{}", d.to_json())),
            }
            if diags.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::New(NewCommand::Briefing { title, root }) => {
            match sitrep::scaffold::new_briefing(&root, &title.join(" "), today()) {
                Ok(path) => {
                    println!(
                        "Wrote {} (a draft: fill in the fields, then remove `draft: true`)",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprint!("{}", d.render(None, color()));
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// Today's date in the local time zone.
fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints every diagnostic with its source line, then the summary.
fn report(root: &Path, diags: &Diagnostics) {
    if diags.is_empty() {
        return;
    }
    let color = color();
    let mut files: HashMap<PathBuf, Option<String>> = HashMap::new();
    for d in diags {
        let line = d.span.and_then(|span| {
            let text = files.entry(d.path.clone()).or_insert_with(|| {
                std::fs::read(root.join(&d.path))
                    .ok()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
            });
            text.as_deref()
                .and_then(|t| t.lines().nth(span.line - 1))
                .map(str::to_string)
        });
        eprintln!("{}", d.render(line.as_deref(), color));
    }
    eprintln!("{}", diags.summary());
}
