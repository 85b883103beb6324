//! Command-line arguments, parsed with clap into typed commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// sitrep: build a conflict-briefing site from Markdown.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (nothing is written if there is any error).
    Build(BuildArgs),
    /// Report every problem in the site without writing anything.
    Check(CheckArgs),
    /// Preview the site: build in memory, serve it locally, rebuild and reload on every change.
    Serve(ServeArgs),
    /// Create new content.
    #[command(subcommand)]
    New(NewCommand),
}

/// Options of `sitrep build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (holds site.yaml and content/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site [default: <root>/output].
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Also build drafts and scheduled briefings (marked as such).
    #[arg(long)]
    pub drafts: bool,
    /// Publish under this address instead of site.yaml's base_url.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Replace the output folder even if sitrep did not make it (everything in it is lost).
    #[arg(long)]
    pub force: bool,
    /// Print how long each stage took.
    #[arg(long)]
    pub timings: bool,
}

/// Options of `sitrep check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder (holds site.yaml and content/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Also check drafts and scheduled briefings as if published.
    #[arg(long)]
    pub drafts: bool,
    /// How to print problems: `human` (on stderr) or `json` (one object per line, on stdout).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style text with source lines and hints.
    Human,
    /// JSON lines, for editors and CI annotations.
    Json,
}

/// Options of `sitrep serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder (holds site.yaml and content/).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Address to listen on; anything but loopback makes the preview reachable from other machines.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Show drafts and scheduled briefings (always on in the preview; accepted for symmetry with build).
    #[arg(long)]
    pub drafts: bool,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Print how long each step of every rebuild took.
    #[arg(long)]
    pub timings: bool,
}

/// What `sitrep new` creates.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Write a briefing skeleton dated today into content/briefings/.
    Briefing {
        /// The briefing's title.
        #[arg(required = true, num_args = 1..)]
        title: Vec<String>,
        /// The site folder.
        #[arg(long, value_name = "DIR", default_value = ".")]
        root: PathBuf,
    },
}
