#!/usr/bin/env python3
"""Writes the HTML golden set: enrich-service/src/test/resources/extract/golden/NN-slug.html, its expected
body NN-slug.txt, and index.tsv (file, title, publishedAt in UTC, language).

Every page is one of articles.py's articles (written for newsflow) inside the markup of one of the page
shapes below, each modelled on a kind of news site seen in the wild: a WordPress blog, a public
broadcaster, a broadsheet with inline ads and rich links, a table-layout CMS with <br> paragraphs, a
React site with hashed CSS-module class names, an AMP page, a live blog, a photo gallery, a paywall
teaser, an interview, an explainer, a blog whose comments outweigh the post, a content farm with
"Read more" lines and unnamed related boxes, and a site that wraps every paragraph. Deterministic:
run it again and the files are the same.

    python3 tools/html-golden/generate.py
"""
import html
import os
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(__file__))
from articles import ARTICLES  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "enrich-service", "src", "test", "resources", "extract", "golden")

LOCAL = {
    "en": dict(ad="Advertisement", related="Related", readmore="Read more", share="Share this article", news="Newsletter",
               signup="Sign up for our morning briefing", comments="Comments", cookie="We use cookies to give you the best experience. Accept?",
               by="By", sub="Subscribe to keep reading", popular="Most read"),
    "de": dict(ad="Anzeige", related="Mehr zum Thema", readmore="Lesen Sie auch", share="Artikel teilen", news="Newsletter",
               signup="Jetzt für den Morgen-Newsletter anmelden", comments="Kommentare", cookie="Wir verwenden Cookies. Zustimmen?",
               by="Von", sub="Jetzt abonnieren und weiterlesen", popular="Meistgelesen"),
    "fr": dict(ad="Publicité", related="À lire aussi", readmore="Lire aussi", share="Partager l'article", news="Lettre d'information",
               signup="Inscrivez-vous à notre lettre du matin", comments="Commentaires", cookie="Nous utilisons des cookies. Accepter ?",
               by="Par", sub="Abonnez-vous pour lire la suite", popular="Les plus lus"),
    "es": dict(ad="Publicidad", related="Lee también", readmore="Leer más", share="Compartir", news="Boletín",
               signup="Suscríbete a nuestro boletín", comments="Comentarios", cookie="Usamos cookies. ¿Aceptar?",
               by="Por", sub="Suscríbete para seguir leyendo", popular="Lo más leído"),
    "it": dict(ad="Pubblicità", related="Leggi anche", readmore="Leggi anche", share="Condividi", news="Newsletter",
               signup="Iscriviti alla newsletter del mattino", comments="Commenti", cookie="Usiamo i cookie. Accetti?",
               by="Di", sub="Abbonati per continuare a leggere", popular="I più letti"),
    "pt": dict(ad="Publicidade", related="Veja também", readmore="Veja também", share="Partilhar", news="Newsletter",
               signup="Subscreva a nossa newsletter", comments="Comentários", cookie="Usamos cookies. Aceitar?",
               by="Por", sub="Assine para continuar a ler", popular="Mais lidas"),
    "nl": dict(ad="Advertentie", related="Lees ook", readmore="Lees ook", share="Deel dit artikel", news="Nieuwsbrief",
               signup="Meld je aan voor de ochtendbrief", comments="Reacties", cookie="Wij gebruiken cookies. Akkoord?",
               by="Door", sub="Word abonnee om verder te lezen", popular="Meest gelezen"),
    "pl": dict(ad="Reklama", related="Czytaj też", readmore="Czytaj też", share="Udostępnij", news="Newsletter",
               signup="Zapisz się na poranny newsletter", comments="Komentarze", cookie="Używamy plików cookie. Akceptujesz?",
               by="Autor", sub="Zaprenumeruj, aby czytać dalej", popular="Najczęściej czytane"),
}

TEASERS = ["Council approves new budget after late-night session", "Police appeal for witnesses after collision",
           "Five things to do this weekend", "Weather: sunny spells and showers", "Opinion: the case for slower roads",
           "Local team clinches promotion on final day"]

AUTHORS = ["Maren Holt", "Jonas Weber", "Claire Dubois", "Sofia Marín", "Luca Bianchi", "Inês Carvalho", "Pieter de Vries",
           "Anna Nowak", "Sam Okoro", "Priya Nair"]


def e(text):
    return html.escape(text, quote=True)


def kind(p):
    for marker, k in (("## ", "h"), ("- ", "li"), ("> ", "q")):
        if p.startswith(marker):
            return k, p[len(marker):]
    return "p", p


def blocks(a, p_attr="", ad_html=None, every=3, wrap=None):
    """The article's paragraphs as HTML; ad_html goes in after every `every` paragraphs."""
    out, in_list = [], False
    for i, p in enumerate(a["paragraphs"]):
        k, text = kind(p)
        if k != "li" and in_list:
            out.append("</ul>")
            in_list = False
        if k == "h":
            out.append("<h2>%s</h2>" % e(text))
        elif k == "li":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append("<li>%s</li>" % e(text))
        elif k == "q":
            out.append("<blockquote><p>%s</p></blockquote>" % e(text))
        else:
            para = "<p%s>%s</p>" % (p_attr, e(text))
            out.append(wrap % para if wrap else para)
        if ad_html and i % every == every - 1 and i < len(a["paragraphs"]) - 1 and not in_list:
            out.append(ad_html)
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def head(a, meta="og", extra=""):
    t, site = a["title"], a["site"]
    parts = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if meta == "og":
        parts += ['<title>%s | %s</title>' % (e(t), e(site)), '<meta property="og:title" content="%s">' % e(t),
                  '<meta property="og:site_name" content="%s">' % e(site),
                  '<meta property="article:published_time" content="%s">' % a["published"]]
        parts += ['<meta property="article:tag" content="%s">' % e(tag) for tag in a["tags"]]
    elif meta == "jsonld":
        parts += ['<title>%s - %s</title>' % (e(t), e(site)),
                  '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"%s"},'
                  '{"@type":"NewsArticle","headline":"%s","datePublished":"%s","keywords":[%s],"author":{"@type":"Person","name":"%s"}}]}</script>'
                  % (e(site), t.replace('"', '\\"'), a["published"], ",".join('"%s"' % k for k in a["tags"]), AUTHORS[0])]
    elif meta == "plain":
        parts += ['<title>%s :: %s</title>' % (e(t), e(site)), '<meta name="pubdate" content="%s">' % a["published"],
                  '<meta name="keywords" content="news, %s">' % e(", ".join(a["tags"]))]
    elif meta == "time":
        parts += ['<title>%s</title>' % e(t)]
    parts.append('<link rel="stylesheet" href="/static/site.css"><script src="/static/analytics.js" async></script>')
    parts.append('<style>body{font-family:Georgia,serif}.hidden{display:none}</style>')
    return "\n".join(parts) + extra


def nav(sections=("News", "Business", "Sport", "Culture", "Opinion", "Weather")):
    return '<nav class="main-nav"><ul>%s</ul></nav>' % "".join('<li><a href="/%s">%s</a></li>' % (s.lower(), s) for s in sections)


def related_list(L, cls="related-links"):
    return '<div class="%s"><h3>%s</h3><ul>%s</ul></div>' % (cls, e(L["related"]), "".join(
        '<li><a href="/story/%d">%s</a></li>' % (i, e(t)) for i, t in enumerate(TEASERS[:4])))


def page(a, head_html, body_html, lang_attr=True):
    lang = ' lang="%s"' % a["lang"] if lang_attr else ""
    return "<!DOCTYPE html>\n<html%s>\n<head>\n%s\n</head>\n<body>\n%s\n</body>\n</html>\n" % (lang, head_html, body_html)


def wordpress(a, L, n):
    ad = '<div class="code-block code-block-3" style="margin:8px auto;text-align:center"><div class="ad-label">%s</div><ins class="adsbygoogle" data-ad-slot="12345"></ins></div>' % e(L["ad"])
    body = """<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">%(site)s</a></p><p class="site-description">News from the coast since 1921</p>%(nav)s</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-%(n)d" class="post-%(n)d post type-post status-publish format-standard hentry category-news">
<header class="entry-header"><h1 class="entry-title">%(title)s</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="%(pub)s">%(pub)s</time></span> <span class="byline">%(by)s <span class="author vcard"><a href="/author/x">%(author)s</a></span></span></div></header>
<div class="entry-content">
%(blocks)s
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">%(share)s</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">WhatsApp</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="tags-links">%(tags)s</span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 %(comments)s</h2><ol class="comment-list">
<li class="comment"><article class="comment-body"><footer class="comment-meta">Reader one</footer><div class="comment-content"><p>Thank you for reporting this, it is the first I had heard of it and it affects my family directly.</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta">Reader two</footer><div class="comment-content"><p>I disagree with the council on this one, and I said so at the meeting last month, but nobody listened.</p></div></article></li>
</ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent posts</h2><ul>%(recent)s</ul></section></aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress. © 2026 %(site)s</div></footer>
</div>""" % dict(site=e(a["site"]), nav=nav(), n=1000 + n, title=e(a["title"]), pub=a["published"], by=e(L["by"]),
                 author=AUTHORS[n % len(AUTHORS)], blocks=blocks(a, ad_html=ad), share=e(L["share"]),
                 tags=" ".join('<a href="/tag/%d" rel="tag">%s</a>' % (i, e(t)) for i, t in enumerate(a["tags"])),
                 comments=e(L["comments"]), recent="".join('<li><a href="/p/%d">%s</a></li>' % (i, e(t)) for i, t in enumerate(TEASERS)))
    return page(a, head(a, "og"), body)


def broadcaster(a, L, n):
    ad = '<div class="bbccom_advert_placeholder"><div id="bbccom_mpu_1" class="bbccom_display_none">%s</div></div>' % e(L["ad"])
    readmore = '<p class="story-body__crosshead-link"><a href="/news/other-story">%s: %s</a></p>' % (e(L["readmore"]), e(TEASERS[n % 6]))
    paras = blocks(a, ad_html=ad, every=2).split("\n")
    paras.insert(2, readmore)
    body = """<div id="orb-banner"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></div>
<div id="site-container"><div class="container-width-only"><span class="index-title__container"><a href="/news/%(lang)s">%(site)s</a></span></div>
<div class="container"><div class="column--primary"><div class="story-body">
<h1 class="story-body__h1">%(title)s</h1>
<div class="byline"><span class="byline__name">%(author)s</span><span class="byline__title">Reporter</span></div>
<div class="date date--v2" data-seconds="1700000000">%(pub)s</div>
<div class="story-body__inner" property="articleBody">
<figure class="media-landscape has-caption full-width"><span class="image-and-copyright-container"><img src="/img/1.jpg" alt=""><span class="off-screen">Image copyright</span><span class="story-image-copyright">Getty Images</span></span><figcaption class="media-caption"><span class="off-screen">Image caption</span><span class="media-caption__text">The scene on Tuesday morning</span></figcaption></figure>
%(blocks)s
</div>
<div class="tags-container"><h2 class="tags-title">%(related)s</h2><ul class="tags-list">%(tags)s</ul></div>
</div></div>
<div class="column--secondary"><div class="top-stories-promo"><h2>Top Stories</h2>%(teasers)s</div>
<div id="comp-most-popular" class="most-popular"><h2>%(popular)s</h2><ol>%(popitems)s</ol></div></div></div></div>
<div id="orb-footer"><p>Copyright © 2026 %(site)s. We are not responsible for the content of external sites.</p></div>""" % dict(
        lang=a["lang"], site=e(a["site"]), title=e(a["title"]), author=AUTHORS[n % len(AUTHORS)], pub=a["published"][:10],
        blocks="\n".join(paras), related=e(L["related"]),
        tags="".join('<li class="tags-list__tags"><a href="/topics/%d">%s</a></li>' % (i, e(t)) for i, t in enumerate(a["tags"])),
        teasers="".join('<div class="promo"><a href="/s/%d"><h3>%s</h3></a><p class="promo-summary">A short summary of this other story that sits in the side column of the page.</p></div>' % (i, e(t)) for i, t in enumerate(TEASERS[:3])),
        popular=e(L["popular"]), popitems="".join('<li><a href="/m/%d">%s</a></li>' % (i, e(t)) for i, t in enumerate(TEASERS)))
    return page(a, head(a, "jsonld"), body)


def broadsheet(a, L, n):
    ad = ('<div class="ad-slot-container"><div id="dfp-ad--inline%d" class="js-ad-slot ad-slot ad-slot--inline" data-name="inline">'
          '<div class="ad-slot__label" aria-hidden="false">%s</div></div></div>') % (n, e(L["ad"]))
    rich = ('<aside class="element element-rich-link element--thumbnail"><p><span>%s: </span><a href="/x">%s</a></p></aside>'
            % (e(L["related"]), e(TEASERS[(n + 1) % 6])))
    paras = blocks(a, ad_html=ad, every=3).split("\n")
    paras.insert(1, rich)
    body = """<div class="new-header"><a class="new-header__logo" href="/">%(site)s</a>%(nav)s<a class="top-bar__item" href="/subscribe">Support us</a></div>
<div id="cmp-banner" class="cmp-container"><p>%(cookie)s</p><button>Yes, I'm happy</button><button>Manage</button></div>
<article id="article" class="content content--article tonal--tone-news" role="main">
<div class="content__main-column"><header class="content__head"><h1 class="content__headline" itemprop="headline">%(title)s</h1>
<p class="byline" data-component="meta-byline"><span itemprop="author">%(author)s</span></p><p class="content__dateline"><time itemprop="datePublished" datetime="%(pub)s" class="content__dateline-wpd">%(pub)s</time></p></header>
<div class="content__article-body from-content-api js-article__body" itemprop="articleBody">
%(blocks)s
</div>
<div class="submeta"><div class="submeta__section-labels"><ul class="submeta__links">%(tags)s</ul></div>
<div class="social submeta__social"><ul><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on Twitter</a></li></ul></div></div>
</div></article>
<section id="onward" class="onward"><h2>%(popular)s</h2><ul>%(onward)s</ul></section>
<footer class="l-footer"><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul><p>© 2026 %(site)s Media Group. All rights reserved.</p></footer>""" % dict(
        site=e(a["site"]), nav=nav(), cookie=e(L["cookie"]), title=e(a["title"]), author=AUTHORS[n % len(AUTHORS)], pub=a["published"],
        blocks="\n".join(paras), tags="".join('<li><a href="/t/%d" class="submeta__link">%s</a></li>' % (i, e(t)) for i, t in enumerate(a["tags"])),
        popular=e(L["popular"]), onward="".join('<li><a href="/o/%d">%s</a></li>' % (i, e(t)) for i, t in enumerate(TEASERS)))
    return page(a, head(a, "time"), body)


def table_layout(a, L, n):
    text = []
    for p in a["paragraphs"]:
        k, t = kind(p)
        text.append(("<b>%s</b>" if k == "h" else "%s") % e(t))
    body = """<table width="100%%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="3" class="top"><img src="/logo.gif" alt="%(site)s"> <font size="1">%(date)s</font></td></tr>
<tr><td width="160" valign="top" class="leftnav"><a href="/">Home</a><br><a href="/local">Local</a><br><a href="/sport">Sport</a><br><a href="/obits">Obituaries</a><br><a href="/classifieds">Classifieds</a></td>
<td valign="top" class="main"><font face="Arial" size="4"><b>%(title)s</b></font><br><font size="1">%(by)s %(author)s</font><br><br>
<font face="Arial" size="2">%(text)s</font>
<br><br><font size="1"><a href="/print?id=%(n)d">Print this story</a> | <a href="/email?id=%(n)d">Email this story</a></font></td>
<td width="180" valign="top" class="right"><font size="1">%(ad)s</font><br><img src="/ads/banner.gif" width="160" height="600"><br><a href="/ads">Advertise with us</a></td></tr>
<tr><td colspan="3" class="bottom"><font size="1">Copyright 2026 %(site)s. All rights reserved. This material may not be republished without permission.</font></td></tr>
</table>""" % dict(site=e(a["site"]), date=a["published"][:10], title=e(a["title"]), by=e(L["by"]), author=AUTHORS[n % len(AUTHORS)],
                   text="<br><br>\n".join(text), n=n, ad=e(L["ad"]))
    return page(a, head(a, "plain", '\n<meta http-equiv="Content-Language" content="%s">' % a["lang"]), body, lang_attr=False)


def react(a, L, n):
    ad = '<div class="AdSlot_container__7aQ2x"><span class="AdSlot_label__p0Lk1">%s</span><div id="gpt-inline-%d"></div></div>' % (e(L["ad"]), n)
    body = """<div id="__next"><div class="Layout_wrapper__x1Yb3"><header class="Header_header__k2J9s"><a href="/" class="Header_logo__n0Z2c">%(site)s</a>%(nav)s</header>
<main class="Layout_main__9dK1a"><div class="ArticlePage_container__Lm3x0"><h1 class="Headline_headline__Rt5uY">%(title)s</h1>
<div class="Byline_byline__Fq8wT"><a href="/authors/x">%(author)s</a><time datetime="%(pub)s">%(pub)s</time></div>
<div class="ShareBar_shareBar__bV2kd"><button>Copy link</button><a href="#">Facebook</a><a href="#">LinkedIn</a></div>
<div class="ArticleBody_body__3kdPq">
%(blocks)s
</div>
<section class="Recirculation_recirc__2hGt4"><h2>%(related)s</h2>%(recirc)s</section>
</div></main>
<div class="NewsletterPromo_promo__Xx8r1"><h3>%(news)s</h3><p>%(signup)s. Every weekday at seven, free.</p><input type="email" placeholder="Email"><button>Sign up</button></div>
<footer class="Footer_footer__0aQ9z"><p>© 2026 %(site)s</p><a href="/terms">Terms</a></footer></div></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"id":%(n)d}}}</script>""" % dict(
        site=e(a["site"]), nav=nav(), title=e(a["title"]), author=AUTHORS[n % len(AUTHORS)], pub=a["published"],
        blocks=blocks(a, p_attr=' class="Paragraph_paragraph__Zk2Lx"', ad_html=ad, every=2), related=e(L["related"]),
        recirc="".join('<a class="Card_card__p2Lq0" href="/r/%d"><h3>%s</h3><p>Another story you might want to read next.</p></a>' % (i, e(t)) for i, t in enumerate(TEASERS[:3])),
        news=e(L["news"]), signup=e(L["signup"]), n=n)
    return page(a, head(a, "jsonld"), body)


def amp(a, L, n):
    body = """<header class="amp-header"><a href="/">%(site)s</a><amp-sidebar id="sidebar" layout="nodisplay">%(nav)s</amp-sidebar></header>
<article class="amp-article"><h1>%(title)s</h1><div class="amp-byline">%(by)s %(author)s · <time datetime="%(pub)s">%(pub)s</time></div>
<amp-img src="/img/lead.jpg" width="1200" height="675" layout="responsive"></amp-img>
<div class="amp-article-body">
%(blocks)s
</div>
<amp-social-share type="facebook"></amp-social-share><amp-social-share type="twitter"></amp-social-share>
</article>
<amp-embed type="outbrain" width="100" height="100" layout="responsive"><div placeholder>Recommended for you</div></amp-embed>
<footer class="amp-footer"><a href="/">Back to top</a> · <a href="/full-site">View full site</a></footer>""" % dict(
        site=e(a["site"]), nav=nav(), title=e(a["title"]), by=e(L["by"]), author=AUTHORS[n % len(AUTHORS)], pub=a["published"],
        blocks=blocks(a, ad_html='<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/amp"><div fallback>%s</div></amp-ad>' % e(L["ad"]), every=2))
    return page(a, head(a, "og"), body).replace("<html ", "<html amp ")


def liveblog(a, L, n):
    entries = []
    times = ["14:52", "13:40", "12:15", "11:03", "09:47", "08:30", "07:12"]
    for i, p in enumerate(a["paragraphs"]):
        entries.append('<div class="block" id="block-%d"><div class="block-time published-time"><time datetime="2026-01-08T%s:00Z">%s</time></div>'
                       '<div class="block-elements"><p>%s</p></div><div class="block-share"><a href="#block-%d">Share this update</a></div></div>'
                       % (i, times[i], times[i], e(p), i))
        if i == 2:
            entries.append('<div class="ad-slot ad-slot--liveblog-inline"><p class="ad-label">%s</p></div>' % e(L["ad"]))
    body = """<header class="site-header"><a href="/">%(site)s</a>%(nav)s</header>
<main><div class="live-header"><span class="live-pill">LIVE</span><h1>%(title)s</h1><p class="updated">Updated 14:52 GMT</p></div>
<div class="key-events"><h2>Key events</h2><ul><li><a href="#block-0">Power cuts across the west</a></li><li><a href="#block-2">Ferries cancelled</a></li></ul></div>
<div class="js-liveblog-body liveblog__body">
%(entries)s
</div><button class="liveblog-load-more">Load more updates</button></main>
<footer><p>© 2026 %(site)s</p></footer>""" % dict(site=e(a["site"]), nav=nav(), title=e(a["title"]), entries="\n".join(entries))
    return page(a, head(a, "og"), body)


def gallery(a, L, n):
    figures = "\n".join(
        '<figure class="gallery__item"><img src="/img/g%d.jpg" alt=""><figcaption class="gallery__caption">%s</figcaption></figure>'
        % (i, e(p)) for i, p in enumerate(a["paragraphs"]))
    body = """<header><a href="/">%(site)s</a>%(nav)s</header>
<main><article><h1>%(title)s</h1><p class="gallery-meta"><time datetime="%(pub)s">%(pub)s</time> · %(count)d photos</p>
<div class="gallery">
%(figures)s
</div>
<div class="ad-slot"><span>%(ad)s</span></div>
</article></main>
<footer><p>© 2026 %(site)s</p></footer>""" % dict(site=e(a["site"]), nav=nav(), title=e(a["title"]), pub=a["published"],
                                           count=len(a["paragraphs"]), figures=figures, ad=e(L["ad"]))
    return page(a, head(a, "og"), body)


def paywall(a, L, n):
    body = """<header class="masthead"><a href="/">%(site)s</a>%(nav)s<a class="login" href="/login">Sign in</a></header>
<main><article class="article"><h1 class="article__headline">%(title)s</h1><div class="article__byline">%(by)s %(author)s</div>
<div class="article__body">
%(blocks)s
</div>
<div class="paywall-prompt"><h3>%(sub)s</h3><p>Unlimited access to every article, the app and the archive, from 1 euro for the first month. Cancel anytime.</p><a class="btn" href="/subscribe">Subscribe now</a><p>Already a subscriber? <a href="/login">Sign in</a></p></div>
</article></main>
<footer class="site-footer"><p>© 2026 %(site)s Ltd</p></footer>""" % dict(site=e(a["site"]), nav=nav(), title=e(a["title"]), by=e(L["by"]),
                                                   author=AUTHORS[n % len(AUTHORS)], blocks=blocks(a), sub=e(L["sub"]))
    return page(a, head(a, "jsonld"), body)


def interview(a, L, n):
    out = []
    for i, p in enumerate(a["paragraphs"]):
        out.append("<p><strong>%s</strong></p>" % e(p) if p.endswith("?") else "<p>%s</p>" % e(p))
    body = """<header class="site-header">%(nav)s</header>
<article class="feature"><div class="feature-header"><p class="kicker">Interview</p><h1>%(title)s</h1><p class="byline">%(by)s %(author)s</p><time datetime="%(pub)s">%(pub)s</time></div>
<figure class="feature-image"><img src="/img/chef.jpg"><figcaption>Marta Lindqvist in her kitchen. Photograph: Studio North</figcaption></figure>
<div class="feature-body">
%(body)s
</div>
<div class="author-bio"><p>%(author)s writes about food and farming for the weekend magazine and is the author of two cookbooks.</p></div>
</article>
<footer class="site-footer"><p>© 2026 %(site)s</p></footer>""" % dict(nav=nav(), title=e(a["title"]), by=e(L["by"]), author=AUTHORS[n % len(AUTHORS)],
                                                pub=a["published"], body="\n".join(out), site=e(a["site"]))
    return page(a, head(a, "og"), body)


def comment_heavy(a, L, n):
    comments = "\n".join(
        '<div class="comment" id="c%d"><div class="comment-author">reader%d</div><p>%s</p></div>' % (i, i, e(c)) for i, c in enumerate([
            "I have lived here for thirty years and I have never seen anything like this, and I do not believe the official explanation for a second.",
            "The article misses the point entirely. The real question is who is going to pay for all of this in the end, and the answer is always us.",
            "My neighbour went to the meeting and said that nobody from the council could answer the simplest questions about the timetable or the costs.",
            "Good news at last, although I wish it had happened ten years ago when the problem was first raised by residents.",
            "Does anyone know whether the consultation is still open? I tried the website and the form would not accept my postcode at all.",
            "This is exactly what happens when decisions are made by people who never have to live with the consequences of what they decide."]))
    body = """<div id="wrap"><div id="header"><h2><a href="/">%(site)s</a></h2></div>
<div id="main"><div class="post"><h1 class="post-title">%(title)s</h1><p class="post-date">%(pub)s</p>
<div class="post-content">
%(blocks)s
</div></div>
<div id="comments-section"><h3>%(ncomments)s</h3>
%(comments)s
<form class="comment-form"><textarea></textarea><button>Post comment</button></form></div></div>
<div id="sidebar"><h3>Archives</h3><ul><li><a href="/2026/10">October 2026</a></li><li><a href="/2026/09">September 2026</a></li></ul></div></div>""" % dict(
        site=e(a["site"]), title=e(a["title"]), pub=a["published"][:10], blocks=blocks(a), ncomments="6 " + e(L["comments"]), comments=comments)
    return page(a, head(a, "time"), body)


def content_farm(a, L, n):
    box = ('<div class="x9k"><h4>%s</h4><ul><li><a href="/a1">%s</a></li><li><a href="/a2">%s</a></li><li><a href="/a3">%s</a></li></ul></div>'
           % (e(L["related"]), e(TEASERS[0]), e(TEASERS[1]), e(TEASERS[2])))
    more = '<p><strong>%s:</strong> <a href="/m">%s</a></p>' % (e(L["readmore"]), e(TEASERS[(n + 3) % 6]))
    paras = blocks(a).split("\n")
    paras.insert(2, box)
    paras.insert(1, more)
    body = """<div class="top"><a href="/">%(site)s</a> %(nav)s</div>
<div class="wrap"><div class="col-8"><h1>%(title)s</h1><div class="info">%(pub)s · 4 min read</div>
<div class="txt">
%(paras)s
</div>
<div class="x7p"><div><small>%(ad)s</small></div><img src="/ad.png"></div>
</div><div class="col-4"><h4>%(popular)s</h4>%(side)s</div></div>
<div class="bottom"><a href="/about">About</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></div>""" % dict(
        site=e(a["site"]), nav=nav(), title=e(a["title"]), pub=a["published"][:10], paras="\n".join(paras), ad=e(L["ad"]),
        popular=e(L["popular"]), side="".join('<p><a href="/s/%d">%s</a></p>' % (i, e(t)) for i, t in enumerate(TEASERS)))
    return page(a, head(a, "time"), body)


def wrapped(a, L, n):
    body = """<div class="page"><div class="header-bar">%(nav)s</div>
<div class="article-container"><div class="headline-block"><h1 class="headline">%(title)s</h1><span class="timestamp"><time datetime="%(pub)s">%(pub)s</time></span></div>
<div class="article-text">
%(blocks)s
</div>
<div class="article-tags">%(tags)s</div></div>
<div class="sidebar-right"><div class="most-read-box"><h3>%(popular)s</h3>%(teasers)s</div>
<div class="promo-box"><p>Try our new puzzle app, with a new crossword every day and a weekly prize draw for subscribers.</p></div></div>
<div class="footer-links"><a href="/jobs">Jobs</a> <a href="/advertise">Advertise</a></div></div>""" % dict(
        nav=nav(), title=e(a["title"]), pub=a["published"],
        blocks=blocks(a, wrap='<div class="paragraph-wrapper"><div class="text-block">%s</div></div>',
                      ad_html='<div class="paragraph-wrapper"><div class="inline-ad"><span>%s</span></div></div>' % e(L["ad"])),
        tags=" ".join('<a href="/t/%d">%s</a>' % (i, e(t)) for i, t in enumerate(a["tags"])), popular=e(L["popular"]),
        teasers="".join('<div class="teaser"><a href="/x/%d">%s</a><p>A one-line summary of another story that readers liked today.</p></div>' % (i, e(t)) for i, t in enumerate(TEASERS[:4])))
    return page(a, head(a, "og"), body)


SPECIAL = {"live-storm": liveblog, "gallery-lanterns": gallery, "paywall-pensions": paywall, "interview-chef": interview}
ROTATION = [wordpress, broadcaster, broadsheet, table_layout, react, amp, comment_heavy, content_farm, wrapped]


def expected(a):
    return "\n".join(kind(p)[1] for p in a["paragraphs"]) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    index = ["# file\ttitle\tpublishedAt (UTC)\tlanguage\tshape"]
    rotation = 0
    for n, a in enumerate(ARTICLES, start=1):
        shape = SPECIAL.get(a["slug"])
        if shape is None:
            shape = ROTATION[rotation % len(ROTATION)]
            rotation += 1
        name = "%02d-%s" % (n, a["slug"])
        with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as f:
            f.write(shape(a, LOCAL[a["lang"]], n))
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(expected(a))
        utc = datetime.fromisoformat(a["published"]).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if shape in (comment_heavy, content_farm):
            utc = ""  # these shapes show a date in the text but declare none: nothing to read
        index.append("\t".join([name + ".html", a["title"], utc, a["lang"], shape.__name__]))
    with open(os.path.join(OUT, "index.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(index) + "\n")
    print("wrote %d pages to %s" % (len(ARTICLES), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
