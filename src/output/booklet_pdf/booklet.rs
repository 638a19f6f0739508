//! The week's booklet as blocks to lay out: a cover with the contents, each day on a new page
//! with its sessions and their materials (each with its QR code), then further resources; every
//! word in the site's language (the theme's messages, as the booklet's page says them).

use super::Printable;
use super::layout::{Block, Item, LinkTarget, Role, Style, contents_group, contents_line};
use crate::model::booklet::{Booklet, BookletSession, Paper, PrintedLink};
use crate::model::i18n::{ArgValue, Words};

/// Text handed to a message.
pub(super) fn text(value: &str) -> ArgValue {
    ArgValue::Text(value.to_owned())
}

/// The booklet as a document to print on A4, in the language of `words`.
pub(super) fn printable(booklet: &Booklet, words: &Words) -> Printable {
    Printable {
        title: booklet.title.clone(),
        publisher: booklet.publisher.clone(),
        description: format!("{}. {}", booklet.title, booklet.dates),
        paper: Paper::A4,
        items: document_items(booklet, words),
    }
}

/// A material's title (a link, with its QR code beside it), its kind, length and source, its
/// description and its address.
pub(super) fn material_blocks(link: &PrintedLink, indent: f32, words: &Words) -> Vec<Block> {
    let m = &link.material;
    let at = |block: Block| Block {
        indent,
        ..block.beside_qr()
    };
    let mut title = at(Block::p(Style::Strong, &m.title).space(10.0));
    title.link = Some(LinkTarget::Uri(m.url.clone()));
    title.qr = Some(link.qr.clone());
    let mut facts = vec![words.t(m.kind_key)];
    facts.extend(duration(m.hours, m.minutes, words));
    let mut facts = facts.join(", ");
    if let Some(source) = &m.source {
        let from = words.t_with("material-from", &[("source", text(source))]);
        facts = format!("{facts}. {from}");
    }
    let mut blocks = vec![title, at(Block::p(Style::Small, facts))];
    if let Some(description) = &m.description {
        blocks.push(at(Block::p(Style::Body, description)));
    }
    let mut address = at(Block::p(Style::Small, &link.short_url));
    address.link = Some(LinkTarget::Uri(m.url.clone()));
    blocks.push(address);
    blocks
}

/// How long a material lasts, as the booklet's page says it.
fn duration(hours: Option<u32>, minutes: Option<u32>, words: &Words) -> Option<String> {
    let number = |n: u32| ArgValue::Number(f64::from(n));
    // Zero hours or minutes are left out, as the booklet's page does.
    match (hours.filter(|&h| h > 0), minutes.filter(|&m| m > 0)) {
        (Some(h), Some(m)) => Some(words.t_with(
            "duration-hours-minutes",
            &[("hours", number(h)), ("minutes", number(m))],
        )),
        (Some(h), None) => Some(words.t_with("duration-hours", &[("hours", number(h))])),
        (None, Some(m)) => Some(words.t_with("duration-minutes", &[("minutes", number(m))])),
        (None, None) => None,
    }
}

/// A session: its heading, time and format, whether it was cancelled, its summary and hosts,
/// its recording and its follow-on materials.
pub(super) fn session_blocks(session: &BookletSession, words: &Words) -> Vec<Block> {
    let mut heading = Block::new(Role::Heading(3), Style::Heading3, &session.title).space(14.0);
    heading.anchor = Some(session.id.clone());
    let mut blocks = vec![
        heading,
        Block::p(
            Style::Small,
            format!("{}. {}.", session.time, session.format),
        ),
    ];
    if session.cancelled {
        blocks.push(Block::p(Style::Strong, words.t("booklet-cancelled")));
    }
    if !session.summary.is_empty() {
        blocks.push(Block::p(Style::Body, &session.summary).space(2.0));
    }
    if !session.hosts.is_empty() {
        blocks.push(
            Block::p(
                Style::Body,
                words.t_with(
                    "booklet-led-by",
                    &[("hosts", text(&session.hosts.join("; ")))],
                ),
            )
            .space(2.0),
        );
    }
    if let Some(recording) = &session.recording {
        blocks.extend(material_blocks(recording, 0.0, words));
    }
    if !session.materials.is_empty() {
        blocks.push(Block::p(Style::Strong, words.t("booklet-materials")).space(6.0));
        for material in &session.materials {
            blocks.extend(material_blocks(material, 12.0, words));
        }
    }
    blocks
}

/// The booklet as blocks and page breaks, in reading order.
pub(super) fn document_items(booklet: &Booklet, words: &Words) -> Vec<Item> {
    let mut items = vec![Item::Block(Block::new(
        Role::Heading(1),
        Style::Title,
        &booklet.title,
    ))];
    let mut cover = vec![Block::p(Style::Strong, &booklet.dates).space(6.0)];
    cover.extend(booklet.theme.as_ref().map(|t| {
        Block::p(
            Style::Body,
            words.t_with("booklet-theme", &[("theme", text(t))]),
        )
    }));
    cover.push(Block::p(
        Style::Small,
        format!(
            "{} {} {}",
            words.t_with(
                "booklet-published-by",
                &[("publisher", text(&booklet.publisher))]
            ),
            words.t("booklet-programme-online"),
            booklet.programme_short_url
        ),
    ));
    cover.extend(
        booklet
            .introduction
            .iter()
            .map(|p| Block::p(Style::Body, p).space(8.0)),
    );
    let mut contents =
        Block::new(Role::Heading(2), Style::Heading2, words.t("page-contents")).space(18.0);
    contents.anchor = Some("contents".into());
    cover.push(contents);
    for day in &booklet.days {
        let sessions = day.sessions.iter().map(|s| (&*s.title, &*s.id));
        cover.extend(contents_group(&day.title, &day.id, sessions));
    }
    if !booklet.further.is_empty() {
        cover.push(contents_line(
            &words.t("booklet-further"),
            "further",
            0.0,
            Style::Strong,
        ));
    }
    items.extend(cover.into_iter().map(Item::Block));
    for day in &booklet.days {
        items.push(Item::PageBreak);
        let mut heading = Block::new(Role::Heading(2), Style::Heading2, &day.title);
        heading.anchor = Some(day.id.clone());
        items.push(Item::Block(heading));
        items.extend(
            day.sessions
                .iter()
                .flat_map(|s| session_blocks(s, words))
                .map(Item::Block),
        );
    }
    if let Some(feedback) = &booklet.feedback {
        let mut heading = Block::new(
            Role::Heading(2),
            Style::Heading2,
            words.t("booklet-feedback-title"),
        )
        .space(18.0);
        heading.anchor = Some("feedback".into());
        items.push(Item::Block(heading));
        let beside = |block: Block| block.beside_qr();
        let mut title = beside(Block::p(
            Style::Strong,
            words.t_with("booklet-give-feedback", &[("title", text(&booklet.title))]),
        ));
        title.link = Some(LinkTarget::Uri(feedback.url.clone()));
        title.qr = Some(feedback.qr.clone());
        let mut address = beside(Block::p(Style::Small, &feedback.short_url));
        address.link = Some(LinkTarget::Uri(feedback.url.clone()));
        items.push(Item::Block(title));
        items.push(Item::Block(address));
    }
    if !booklet.further.is_empty() {
        items.push(Item::PageBreak);
        let mut heading = Block::new(
            Role::Heading(2),
            Style::Heading2,
            words.t("booklet-further"),
        );
        heading.anchor = Some("further".into());
        items.push(Item::Block(heading));
        items.push(Item::Block(Block::p(
            Style::Body,
            words.t_with(
                "booklet-further-lead",
                &[("library_html", text(&words.t("booklet-resource-library")))],
            ),
        )));
        items.extend(
            booklet
                .further
                .iter()
                .flat_map(|l| material_blocks(l, 0.0, words))
                .map(Item::Block),
        );
    }
    items
}
