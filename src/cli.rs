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
    /// Start a new site in DIR: settings, folders, a first briefing and group
    /// profile, a methodology page, publishing workflows and a .gitignore.
    Init(InitArgs),
    /// Print the JSON Schema of a briefing's front matter (or of a profile,
    /// a page, or site.yaml), for editors that validate and complete YAML.
    Schema(SchemaArgs),
}

/// Options of `sitrep init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the new site (created if missing; refused if it holds a site).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// Options of `sitrep schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum, default_value = "briefing")]
    pub of: SchemaOf,
}

/// The files `sitrep schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaOf {
    /// A briefing's front matter (content/briefings/*.md).
    Briefing,
    /// A group profile's front matter (content/groups/*.md).
    Group,
    /// A country profile's front matter (content/countries/*.md).
    Country,
    /// A free page's front matter (content/pages/*.md).
    Page,
    /// The site settings (site.yaml).
    Site,
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
    /// Make every warning an error (as `strict: true` in site.yaml does), for a desk's CI.
    #[arg(long)]
    pub strict: bool,
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
    /// Make every warning an error (as `strict: true` in site.yaml does), for a desk's CI.
    #[arg(long)]
    pub strict: bool,
    /// How to print problems: `human` (on stderr), `json` (one object per line,
    /// on stdout) or `github` (GitHub Actions annotations, on stdout).
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
    /// GitHub Actions workflow commands: problems show on the lines of a pull request.
    Github,
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
    /// A host name the preview also answers to (besides localhost and IP
    /// addresses), e.g. the machine's name on a desk's network; repeatable.
    /// Requests for any other name are refused, so that no web page can
    /// read the preview through a name it controls (DNS rebinding).
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
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
    /// Write a draft briefing that passes `check` as it is, with comments on what to replace.
    Briefing(NewBriefingArgs),
}

/// Options of `sitrep new briefing`.
#[derive(Debug, Args)]
pub struct NewBriefingArgs {
    /// The briefing's title.
    #[arg(required = true, num_args = 1..)]
    pub title: Vec<String>,
    /// The day the incident began (YYYY-MM-DD or YYYY-MM) [default: today].
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
    /// A country of the incident: ISO code or English name (repeat for several) [default: ML].
    #[arg(long, value_name = "C")]
    pub country: Vec<String>,
    /// A group involved, as a perpetrator (repeat for several).
    #[arg(long, value_name = "G")]
    pub group: Vec<String>,
    /// The site folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}
