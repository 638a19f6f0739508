//! The printed directory as blocks to lay out, on A5 and on A4: a cover with how to use it and
//! the contents; each level on a new page, its categories, and each service's entry (kept on
//! one page when it fits) with a QR code to its page; the online resources; an index by topic
//! and category; and the 'Get help now' numbers and safety services on the back cover.

use rayon::prelude::*;

use super::booklet::{material_blocks, text};
use super::layout::{Block, Item, LinkTarget, Role, Style, contents_group, contents_line};
use super::{Printable, PrintedPdf, print_pdf};
use crate::diag::Diagnostic;
use crate::model::Site;
use crate::model::booklet::Paper;
use crate::model::i18n::Words;
use crate::model::printed_directory::{
    PAPERS, PrintedCategory, PrintedDirectory, PrintedService, pdf_path,
};

/// The site's directory as PDFs, one for each paper size; none when nothing is chosen to
/// print. A PDF that cannot be made is a problem of hubsite's, reported on the directory.
pub fn print_directory(site: &Site) -> Vec<Result<PrintedPdf, Diagnostic>> {
    print_directory_then(site, &|printed| printed)
}

/// [`print_directory`], each PDF handed to `then` as soon as it is printed (a build writes it
/// at once rather than holding it until the other paper's is made).
pub fn print_directory_then<T: Send>(
    site: &Site,
    then: &(dyn Fn(PrintedPdf) -> T + Sync),
) -> Vec<Result<T, Diagnostic>> {
    let Some(directory) = &site.printed_directory else {
        return Vec::new();
    };
    PAPERS
        .par_iter()
        .map(|&paper| {
            let printable = printable(directory, paper, &site.words());
            print_pdf(site, &printable, &pdf_path(paper), "content/directory").map(then)
        })
        .collect()
}

/// The directory as a document to print on `paper`, in the language of `words`.
fn printable(directory: &PrintedDirectory, paper: Paper, words: &Words) -> Printable {
    let mut items: Vec<Item> = cover(directory, words)
        .into_iter()
        .map(Item::Block)
        .collect();
    for level in &directory.levels {
        items.push(Item::PageBreak);
        items.push(Item::Block(Block::heading(2, &level.title, &level.id)));
        items.push(Item::Block(
            Block::p(Style::Body, &level.description).space(4.0),
        ));
        for category in &level.categories {
            items.extend(
                category_blocks(category, words)
                    .into_iter()
                    .map(Item::Block),
            );
        }
    }
    if !directory.resources.is_empty() {
        items.push(Item::PageBreak);
        items.push(Item::Block(Block::heading(
            2,
            words.t("printed-directory-resources"),
            "resources",
        )));
        items.push(Item::Block(Block::p(
            Style::Body,
            words.t("printed-directory-resources-lead"),
        )));
        items.extend(
            directory
                .resources
                .iter()
                .flat_map(|link| material_blocks(link, 0.0, words))
                .map(Item::Block),
        );
    }
    items.push(Item::PageBreak);
    items.extend(index_blocks(directory, words).into_iter().map(Item::Block));
    items.push(Item::PageBreak);
    items.extend(back_cover(directory, words).into_iter().map(Item::Block));
    Printable {
        title: directory.title.clone(),
        publisher: directory.publisher.clone(),
        description: format!(
            "{} {}",
            words.t_with(
                "printed-directory-description",
                &[
                    ("title", text(&directory.title)),
                    ("paper", text(paper.label()))
                ],
            ),
            directory.made_on
        ),
        paper,
        items,
    }
}

fn cover(directory: &PrintedDirectory, words: &Words) -> Vec<Block> {
    let published = words.t_with(
        "booklet-published-by",
        &[("publisher", text(&directory.publisher))],
    );
    let mut blocks = vec![
        Block::new(Role::Heading(1), Style::Title, &directory.title),
        Block::p(Style::Strong, format!("{published} {}.", directory.made_on)).space(6.0),
        Block::p(Style::Body, words.t("printed-directory-how-to-use")).space(8.0),
        Block::p(
            Style::Small,
            format!(
                "{} {}",
                words.t("printed-directory-online"),
                directory.directory_short_url
            ),
        )
        .link(LinkTarget::Uri(directory.directory_url.clone()))
        .space(4.0),
        Block::heading(2, words.t("page-contents"), "contents").space(18.0),
    ];
    for level in &directory.levels {
        let categories = level.categories.iter().map(|c| (&*c.title, &*c.id));
        blocks.extend(contents_group(&level.title, &level.id, categories));
    }
    if !directory.resources.is_empty() {
        blocks.push(contents_line(
            &words.t("printed-directory-resources"),
            "resources",
            0.0,
            Style::Strong,
        ));
    }
    blocks.push(contents_line(
        &words.t("printed-directory-index"),
        "index",
        0.0,
        Style::Strong,
    ));
    blocks.push(contents_line(
        &words.t("help-now-title"),
        "help-now",
        0.0,
        Style::Strong,
    ));
    blocks
}

fn category_blocks(category: &PrintedCategory, words: &Words) -> Vec<Block> {
    let mut blocks = vec![Block::heading(3, &category.title, &category.id).space(14.0)];
    for service in &category.services {
        blocks.extend(service_blocks(service, words));
    }
    blocks
}

/// A service's entry: its name (a link to its page, with the QR code beside it) and its
/// facts, kept together on one page when they fit.
fn service_blocks(service: &PrintedService, words: &Words) -> Vec<Block> {
    let fact = |key: &str, text: &str| {
        let label = words.t(key);
        (!text.is_empty()).then(|| Block::p(Style::Body, format!("{label}: {text}")).beside_qr())
    };
    let line = |text: &str| Block::p(Style::Body, text).beside_qr();
    let mut facts: Vec<Block> = vec![
        Block::p(Style::Small, &service.organisation).beside_qr(),
        Block::p(Style::Body, &service.summary)
            .beside_qr()
            .space(2.0),
    ];
    if !service.notice.is_empty() {
        let note = format!("{} {}", words.t("service-please-note"), service.notice);
        facts.push(Block::p(Style::Strong, note).beside_qr());
    }
    facts.extend(fact("service-who-for", &service.who_for));
    facts.extend(fact("printed-service-access", &service.access));
    facts.extend(fact("service-cost", &service.cost));
    facts.extend(fact("service-languages", &service.languages));
    facts.extend(service.contact.iter().map(|text| line(text)));
    if let Some(website) = &service.website {
        facts.extend(
            fact("printed-service-website", website)
                .map(|b| b.link(LinkTarget::Uri(website.clone()))),
        );
    }
    facts.extend(
        service
            .locations
            .iter()
            .filter_map(|line| fact("service-where", line)),
    );
    facts.extend(
        service
            .opening_times
            .iter()
            .filter_map(|line| fact("printed-service-open", line)),
    );
    let online = words.t_with(
        "printed-service-online",
        &[("address", text(&service.short_url))],
    );
    facts.push(
        Block::p(Style::Small, format!("{} {online}", service.last_checked))
            .link(LinkTarget::Uri(service.url.clone()))
            .beside_qr()
            .space(2.0),
    );
    let mut name = Block::heading(4, &service.name, &service.id)
        .link(LinkTarget::Uri(service.url.clone()))
        .beside_qr()
        .space(12.0);
    name.qr = Some(service.qr.clone());
    name.keep_with = facts.len();
    std::iter::once(name).chain(facts).collect()
}

/// 'Index': every topic and category, A to Z, with its services and the page of each.
fn index_blocks(directory: &PrintedDirectory, words: &Words) -> Vec<Block> {
    let mut blocks = vec![
        Block::heading(2, words.t("printed-directory-index"), "index"),
        Block::p(Style::Body, words.t("printed-directory-index-lead")),
    ];
    for entry in &directory.index {
        blocks.push(Block::new(Role::Heading(3), Style::Strong, &entry.term).space(6.0));
        blocks.extend(
            entry
                .services
                .iter()
                .map(|(name, key)| contents_line(name, key, 12.0, Style::Body)),
        );
    }
    blocks
}

/// The back cover: 'Get help now' numbers, then the safety services.
fn back_cover(directory: &PrintedDirectory, words: &Words) -> Vec<Block> {
    let mut blocks = vec![
        Block::heading(2, words.t("help-now-title"), "help-now"),
        Block::p(Style::Body, words.t("printed-directory-help-now-lead")),
    ];
    for line in &directory.help_now {
        blocks.push(Block::p(Style::Strong, &line.name).space(8.0));
        blocks.extend(
            [&line.contact, &line.when]
                .into_iter()
                .filter(|t| !t.is_empty())
                .map(|t| Block::p(Style::Body, t)),
        );
    }
    if !directory.safety.is_empty() {
        blocks.push(
            Block::heading(3, words.t("printed-directory-safety"), "safety-services").space(16.0),
        );
        for service in &directory.safety {
            blocks.push(Block::p(Style::Strong, &service.name).space(8.0));
            blocks.extend(
                [&service.contact, &service.hours]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .map(|t| Block::p(Style::Body, t)),
            );
        }
    }
    blocks
}
