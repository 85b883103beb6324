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
use sitrep::serve::Report;

mod cli;

/// Rendering allocates and frees many short strings from several threads,
/// and a live preview rebuilds megabytes of data files on every edit:
/// mimalloc reuses that memory where the system allocator maps fresh pages.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            opts.force = args.force;
            opts.strict = args.strict;
            let (site, diags) = pipeline::build(&opts);
            report(&opts.root, &diags);
            match site {
                Some(site) => {
                    if args.timings {
                        for (stage, took) in site.timings.stages() {
                            println!("{stage:>18}: {:>6} ms", took.as_millis());
                        }
                    }
                    println!(
                        "Built {} briefings, {} groups and {} countries: {} files, {:.1} MB, into {} in {} ms",
                        site.index.briefings.len(),
                        site.index.groups.len(),
                        site.index.countries.len(),
                        site.files,
                        site.bytes as f64 / 1_000_000.0,
                        opts.output_dir().display(),
                        started.elapsed().as_millis()
                    );
                    ExitCode::SUCCESS
                }
                None => exit_for(&diags),
            }
        }
        Command::Check(args) => {
            let mut opts = BuildOptions::new(&args.root, today());
            opts.drafts = args.drafts;
            opts.strict = args.strict;
            let diags = pipeline::check(&opts);
            match args.format {
                cli::Format::Human => report(&opts.root, &diags),
                cli::Format::Json => diags.iter().for_each(|d| println!("{}", d.to_json())),
                cli::Format::Github => {
                    diags.iter().for_each(|d| println!("{}", d.to_github()));
                    eprintln!("{}", diags.summary());
                }
            }
            if diags.has_errors() { exit_for(&diags) } else { ExitCode::SUCCESS }
        }
        Command::Serve(args) => serve(args),
        Command::New(NewCommand::Briefing(args)) => {
            let new = sitrep::scaffold::NewBriefing {
                title: args.title.join(" "),
                date: args.date,
                countries: args.country,
                groups: args.group,
            };
            match sitrep::scaffold::new_briefing(&args.root, &new, today()) {
                Ok(path) => {
                    println!(
                        "Wrote {} (a draft: fill in the fields, then remove `draft: true` to publish it)",
                        sitrep::diagnostics::display_path(&path)
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    eprint!("{}", d.render(None, color()));
                    ExitCode::from(if d.code == "exists" { 1 } else { 2 })
                }
            }
        }
        Command::Init(args) => match sitrep::scaffold::init::init(&args.dir) {
            Ok(files) => {
                println!("Started a site in {} ({} files). Next:", args.dir.display(), files.len());
                println!("  cd {}", args.dir.display());
                println!("  sitrep serve     # preview it at http://127.0.0.1:1111/");
                println!("  sitrep new briefing \"A first briefing\"");
                println!("The files marked EXAMPLE show how things are written: replace them. See README.md.");
                ExitCode::SUCCESS
            }
            Err(d) => {
                eprint!("{}", d.render(None, color()));
                ExitCode::from(2)
            }
        },
        Command::Schema(args) => {
            let of = match args.of {
                cli::SchemaOf::Briefing => sitrep::schema::Of::Briefing,
                cli::SchemaOf::Group => sitrep::schema::Of::Group,
                cli::SchemaOf::Country => sitrep::schema::Of::Country,
                cli::SchemaOf::Page => sitrep::schema::Of::Page,
                cli::SchemaOf::Site => sitrep::schema::Of::Site,
            };
            print!("{}", sitrep::schema::json(of));
            ExitCode::SUCCESS
        }
    }
}

/// Runs the preview until Ctrl-C; exit 2 when it cannot start.
fn serve(args: cli::ServeArgs) -> ExitCode {
    let root = args.root.clone();
    let timings = args.timings;
    // Problems are printed when they change, not on every rebuild.
    let shown = std::sync::Mutex::new(Diagnostics::new());
    let show = move |diags: &Diagnostics| {
        let mut last = shown.lock().unwrap_or_else(|e| e.into_inner());
        if *last != *diags {
            if diags.is_empty() {
                eprintln!("no problems");
            }
            report(&root, diags);
            *last = diags.clone();
        }
    };
    let opts = sitrep::serve::ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        allow_hosts: args.allow_hosts,
        open: args.open,
        today: today(),
    };
    let result = sitrep::serve::run(opts, move |event| match event {
        Report::Listening { url, public, rebuild, diagnostics } => {
            show(&diagnostics);
            if public {
                eprintln!(
                    "warning: the preview listens on an address other machines can reach ({url}): anyone on the network can read the site, drafts and scheduled briefings included. Use --bind 127.0.0.1 to keep it to this machine."
                );
            }
            println!(
                "Serving the site at {url} (built {} pages in {} ms; drafts shown). Press Ctrl-C to stop.",
                rebuild.rendered,
                rebuild.elapsed.as_millis()
            );
            if !rebuild.ok {
                println!("The site has errors: pages show them until they are fixed.");
            }
        }
        Report::Rebuilt { what, rebuild, diagnostics } => {
            if timings {
                let steps: Vec<String> =
                    rebuild.timings.stages().iter().map(|(s, t)| format!("{s} {} ms", t.as_millis())).collect();
                println!("  {}", steps.join(", "));
            }
            show(&diagnostics);
            if rebuild.ok {
                let what = sitrep::diagnostics::printable(&what);
                println!(
                    "Changed {what}: {} pages re-rendered, {} files updated in {} ms",
                    rebuild.rendered,
                    rebuild.changed.len(),
                    rebuild.elapsed.as_millis()
                );
            } else {
                let what = sitrep::diagnostics::printable(&what);
                println!(
                    "Changed {what}: errors; still serving the last good build ({} ms)",
                    rebuild.elapsed.as_millis()
                );
            }
        }
        Report::WatchError(e) => eprintln!("watch error: {e}"),
    });
    match result {
        Ok(()) => {
            println!("Stopped.");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Exit status of a failed run: 2 when it was asked to do something it
/// cannot (a usage problem), 1 for problems in the content.
fn exit_for(diags: &Diagnostics) -> ExitCode {
    if diags.iter().any(|d| d.is_usage()) { ExitCode::from(2) } else { ExitCode::from(1) }
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
                std::fs::read(root.join(&d.path)).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
            });
            text.as_deref().and_then(|t| t.lines().nth(span.line - 1)).map(str::to_string)
        });
        eprintln!("{}", d.render(line.as_deref(), color));
    }
    eprintln!("{}", diags.summary());
}
