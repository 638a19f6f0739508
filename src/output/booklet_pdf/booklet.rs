//! The week's booklet as blocks to lay out: a cover with the contents, each day on a new page
//! with its sessions and their materials (each with its QR code), then further resources.

use super::Printable;
use super::layout::{Block, Item, LinkTarget, Role, Style, contents_group, contents_line};
use crate::model::booklet::{Booklet, BookletSession, Paper, PrintedLink};

/// The booklet as a document to print on A4.
pub(super) fn printable(booklet: &Booklet) -> Printable {
    Printable {
        title: booklet.title.clone(),
        publisher: booklet.publisher.clone(),
        description: format!("{}. {}", booklet.title, booklet.dates),
        paper: Paper::A4,
        items: document_items(booklet),
    }
}

pub(super) fn material_blocks(link: &PrintedLink, indent: f32) -> Vec<Block> {
    let m = &link.material;
    let at = |block: Block| Block {
        indent,
        ..block.beside_qr()
    };
    let mut title = at(Block::p(Style::Strong, &m.title).space(10.0));
    title.link = Some(LinkTarget::Uri(m.url.clone()));
    title.qr = Some(link.qr.clone());
    let mut facts = vec![m.kind.to_owned()];
    facts.extend(m.duration.clone());
    facts.extend(m.source.as_ref().map(|s| format!("from {s}")));
    let mut blocks = vec![title, at(Block::p(Style::Small, facts.join(", ")))];
    if let Some(description) = &m.description {
        blocks.push(at(Block::p(Style::Body, description)));
    }
    let mut address = at(Block::p(Style::Small, &link.short_url));
    address.link = Some(LinkTarget::Uri(m.url.clone()));
    blocks.push(address);
    blocks
}

pub(super) fn session_blocks(session: &BookletSession) -> Vec<Block> {
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
        blocks.push(Block::p(Style::Strong, "This session was cancelled."));
    }
    if !session.summary.is_empty() {
        blocks.push(Block::p(Style::Body, &session.summary).space(2.0));
    }
    if !session.hosts.is_empty() {
        blocks.push(
            Block::p(Style::Body, format!("Led by {}.", session.hosts.join("; "))).space(2.0),
        );
    }
    if let Some(recording) = &session.recording {
        blocks.extend(material_blocks(recording, 0.0));
    }
    if !session.materials.is_empty() {
        blocks.push(Block::p(Style::Strong, "Follow-on materials").space(6.0));
        for material in &session.materials {
            blocks.extend(material_blocks(material, 12.0));
        }
    }
    blocks
}

/// The booklet as blocks and page breaks, in reading order.
pub(super) fn document_items(booklet: &Booklet) -> Vec<Item> {
    let mut items = vec![Item::Block(Block::new(
        Role::Heading(1),
        Style::Title,
        &booklet.title,
    ))];
    let mut cover = vec![Block::p(Style::Strong, &booklet.dates).space(6.0)];
    cover.extend(
        booklet
            .theme
            .as_ref()
            .map(|t| Block::p(Style::Body, format!("Theme: {t}"))),
    );
    cover.push(Block::p(
        Style::Small,
        format!(
            "Published by {}. The programme online: {}",
            booklet.publisher, booklet.programme_short_url
        ),
    ));
    cover.extend(
        booklet
            .introduction
            .iter()
            .map(|p| Block::p(Style::Body, p).space(8.0)),
    );
    let mut contents = Block::new(Role::Heading(2), Style::Heading2, "Contents").space(18.0);
    contents.anchor = Some("contents".into());
    cover.push(contents);
    for day in &booklet.days {
        let sessions = day.sessions.iter().map(|s| (&*s.title, &*s.id));
        cover.extend(contents_group(&day.title, &day.id, sessions));
    }
    if !booklet.further.is_empty() {
        cover.push(contents_line(
            "Further resources",
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
                .flat_map(session_blocks)
                .map(Item::Block),
        );
    }
    if let Some(feedback) = &booklet.feedback {
        let mut heading = Block::new(
            Role::Heading(2),
            Style::Heading2,
            "Tell us what you thought",
        )
        .space(18.0);
        heading.anchor = Some("feedback".into());
        items.push(Item::Block(heading));
        let beside = |block: Block| block.beside_qr();
        let mut title = beside(Block::p(
            Style::Strong,
            format!("Give feedback on {}", booklet.title),
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
        let mut heading = Block::new(Role::Heading(2), Style::Heading2, "Further resources");
        heading.anchor = Some("further".into());
        items.push(Item::Block(heading));
        items.push(Item::Block(Block::p(
            Style::Body,
            "More from the resource library on the topics of this week.",
        )));
        items.extend(
            booklet
                .further
                .iter()
                .flat_map(|l| material_blocks(l, 0.0))
                .map(Item::Block),
        );
    }
    items
}
