"""Boilerplate phrase lexicon, multilingual-minded, grouped by the reason a line is dropped.

Two kinds of evidence: a short line that *is* a chrome word ("Share", "Teilen", "مشاركة"),
and a phrase that marks chrome wherever it sits in a short line ("enter your email").
Everything is compiled once at import; `match` is called per line.
"""

from __future__ import annotations

import re

# Whole-line chrome words (compared after lower-casing and trimming punctuation).
_EXACT: dict[str, tuple[str, ...]] = {
    "navigation": (
        "home", "menu", "search", "skip to content", "skip to main content", "main menu", "close",
        "open", "back", "back to top", "top", "next", "previous", "prev", "more", "show more",
        "load more", "see more", "see all", "view all", "all", "sections", "topics", "go", "toggle",
        "toggle navigation", "navigation", "edit post", "edit", "login", "log in", "sign in",
        "log out", "register", "account", "my account", "profile", "contact", "contact us",
        "about", "about us", "privacy", "privacy policy", "terms", "terms of use", "terms of service",
        "sitemap", "site map", "help", "faq", "careers", "jobs", "advertise", "press", "imprint",
        "impressum", "datenschutz", "kontakt", "startseite", "suche", "mehr", "weiter", "zurück",
        "accueil", "recherche", "rechercher", "plus", "suivant", "précédent", "inicio", "buscar",
        "más", "siguiente", "anterior", "cerca", "altro", "successivo", "precedente", "início",
        "pesquisar", "próximo", "главная", "поиск", "ещё", "далее", "назад", "الرئيسية", "بحث",
        "المزيد", "التالي", "السابق", "ar", "en", "de", "fr", "es", "english", "deutsch", "español",
        "français", "العربية", "русский", "listen", "watch", "video", "videos", "photos", "gallery",
        "live", "podcast", "podcasts", "opinion", "news", "world", "sports", "sport", "business",
        "politics", "tech", "technology", "science", "health", "entertainment", "lifestyle",
        "culture", "travel", "weather", "markets", "economy", "local", "national", "us", "u.s.",
        "uk", "europe", "asia", "africa", "americas", "middle east", "latest", "trending",
        "next article", "previous article", "next story", "previous story", "next post", "previous post",
        "up next", "keep reading", "read next", "what to read next", "close dialog", "close menu", "text size",
        "font size", "a a a", "print this page", "print article", "scroll to continue", "scroll down",
        "enlarge this image", "enlarge image", "show caption", "hide caption", "toggle caption", "expand",
        "collapse", "image", "photo", "fullscreen", "full screen", "play", "pause", "replay", "mute", "unmute",
    ),
    "share": (
        "share", "shares", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x",
        "linkedin", "whatsapp", "telegram", "reddit", "pinterest", "copy link", "copy", "link",
        "copied", "save", "saved", "bookmark", "teilen", "drucken", "partager", "imprimer",
        "compartir", "imprimir", "condividi", "stampa", "compartilhar", "поделиться", "مشاركة",
        "شارك", "طباعة", "comment", "comments", "kommentare", "commentaires", "comentarios",
        "commenti", "комментарии", "تعليقات", "like", "follow", "follow us", "link copied", "gift this article",
        "gift article", "share article", "share story", "listen to article", "listen to this story",
        "listen to story", "follow on google news", "turn on notifications", "like loading",
    ),
    "newsletter": (
        "subscribe", "subscribe now", "subscribe today", "sign up", "sign up now", "signup", "newsletter",
        "newsletters", "abonnieren", "jetzt abonnieren", "s'abonner", "abonnez-vous", "suscríbete",
        "suscribirse", "iscriviti", "abbonati", "assine", "подписаться", "اشترك", "اشترك الآن",
    ),
    "boilerplate": (
        "advertisement", "advertising", "advert", "adverts", "sponsored", "sponsored content", "ad", "ads", "anzeige",
        "werbung", "publicité", "publicidad", "pubblicità", "publicidade", "реклама", "إعلان",
        "continue reading", "read more", "read full article", "read the full story", "weiterlesen",
        "lire la suite", "leer más", "leggi tutto", "ler mais", "читать далее", "اقرأ المزيد",
        "loading", "loading...", "please wait", "this content is not available", "min read",
        "updated", "published", "related", "related articles", "related stories", "related posts",
        "related content", "related news", "related coverage", "recommended", "recommended for you",
        "you may also like", "you might also like", "more from", "more stories", "more news",
        "more on this story", "more like this", "editors' picks", "editor's picks", "editors picks",
        "top stories", "most read", "most popular", "most viewed", "popular", "trending now",
        "don't miss", "in other news", "elsewhere", "also read", "see also", "tags", "topics",
        "filed under", "categories", "category", "auch interessant", "das könnte sie auch interessieren",
        "à lire aussi", "lire aussi", "voir aussi", "te puede interesar", "lee también",
        "article continues below", "story continues below", "continue reading below", "content continues below",
        "recommended stories", "featured video", "featured stories", "you may also be interested in",
        "ad feedback", "skip ad",
        "do not sell my personal information", "do not sell or share my personal information",
        "leggi anche", "leia também", "читайте также", "اقرأ أيضا", "اقرأ أيضاً", "مواضيع ذات صلة",
    ),
}
_EXACT_INDEX: dict[str, str] = {w: reason for reason, words in _EXACT.items() for w in words}

# Headings that open a list of other stories or the comments. "Hard" ones end an article;
# "soft" ones ("Related", "Trending") also appear as widgets inside a body.
HARD_TERMINATORS = re.compile(
    r"^(?:news feed|(?:want )?more (?:news|stories|articles)\b[^.!]{0,30}|more top stories|recommended for you|"
    r"you (?:may|might) also like|top posts\b[^.!]{0,20}|popular posts|recent posts|latest posts|"
    r"most (?:read|popular|viewed|shared|commented)|editors'? picks|editor's picks|top stories|latest news|"
    r"latest stories|more from [\w .'-]{2,40}|in other news|around the web|from (?:our|the) partners|"
    r"(?:sponsored|promoted) (?:stories|links|content)|we recommend|"
    r"about the author|sobre o autor|sobre el autor|über den autor|à propos de l'auteur|l'autore|об авторе|"
    r"(?:leave|post) a (?:reply|comment)|comments?(?: \(\d+\))?|\d+ comments?|join the (?:conversation|discussion)|"
    r"top rated comments|show comments|view comments|reader comments|\d+ (?:responses|replies)|"
    r"weitere artikel|das könnte sie auch interessieren|meistgelesen|kommentare|"
    r"sur le même sujet|articles similaires|commentaires|más noticias|comentarios|commenti|"
    r"другие новости|комментарии|الأكثر قراءة|التعليقات)[\s:.!]*$",
    re.I,
)
SOFT_TERMINATORS = re.compile(
    r"^(?:related\b[^.!?]{0,40}|recommended|read (?:more|next|also)|also read|see also|"
    r"trending(?: now| news| stories)?|"
    r"share this(?: article| story| post)?|like this|filed under\b[^.!]{0,60}|posted in\b[^.!]{0,60}|tags?:[^.!]{0,60}|"
    r"popular (?:news|stories|now)|latest (?:videos?|headlines)|more (?:videos?|headlines)|"
    r"more on this(?: story| topic)?|"
    r"also in [\w ]{2,30}|discussion|mehr zum thema|auch interessant|à lire aussi|lire aussi|"
    r"noticias relacionadas|lee también|articoli correlati|leggi anche|notícias relacionadas|leia também|"
    r"читайте также|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة)[\s:.!]*$",
    re.I,
)

# A teaser's label and its headline on one line: "RELATED: Storm tips", "ALSO READ | Five things".
# The headline starts in upper case (or a caseless script): "Related charges were filed" is prose.
_INLINE_TEASER = re.compile(
    r"(?:related(?: (?:stories|story|articles?|coverage|content|videos?|links?|news|reading))?|"
    r"read (?:more|also|next|this)|also read|see also|more on this(?: story)?|watch(?: now| video| live)?|"
    r"must read|don't miss|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|à lire aussi|lire aussi|"
    r"voir aussi|lee también|te puede interesar|leggi anche|leia também|veja também|читайте также|"
    r"اقرأ أيضا|اقرأ أيضاً)\s*[:|»›]\s*"
)


def inline_teaser(text: str, low: str | None = None) -> bool:
    """True for a short line that is a teaser label followed by another story's headline."""
    if len(text) > 220:
        return False
    m = _INLINE_TEASER.match(text.lower() if low is None else low)
    if m is None or m.end() >= len(text):
        return False
    return not text[m.end()].islower()


# A wire trailer or contributor credit: "Reporting by Jane Roe; Editing by John Smith",
# "(Writing by ...)", "Associated Press writer Jane Roe contributed to this report."
_CREDIT_HEAD = re.compile(r"\(?(?:additional )?(?:reporting|writing|editing|compiled|research|produced) by ")
_CREDIT_TAIL = re.compile(r"contributed (?:to )?(?:this|the) (?:report|story|article)\W*$|contributed reporting\W*$")


_CREDIT_JOINERS = frozenset("and in from with of the at & y und et".split())


def credit_line(text: str, low: str) -> bool:
    """True for a staff credit line; "Reporting by The Post found..." and "Produced by volunteers, the survey
    covered 1,200 homes." are sentences."""
    if len(low) > 400:
        return False
    if "contributed" in low and _CREDIT_TAIL.search(low) is not None:
        return True
    m = _CREDIT_HEAD.match(low)
    if m is None:
        return False
    # a credit lists desks ("; Editing by") or is the bracketed trailer; a short one only names people and places
    if ";" in low or "editing by" in low or low.endswith(")"):
        return True
    names = text[m.end():].rstrip(" .").split()
    return 0 < len(names) < 8 and all(w[0].isupper() or w.lower() in _CREDIT_JOINERS for w in names)


# Phrases that mark chrome inside a short line, by reason.
_PHRASES: dict[str, str] = {
    "newsletter": (
        r"enter (?:your|a valid|correct) e-?mail|indicates required|"
        r"sign(?:ing)? up (?:for|to) (?:our|the|my) (?:\w+ )?(?:newsletter|mailing|email|daily|weekly)|"
        r"sign up (?:now|today|here)|"
        r"successful+y subscribed|thank you for (?:signing up|subscribing)|"
        r"subscribe to (?:our|the) (?:\w+ )?(?:newsletter|channel|podcast|list|mailing|updates|feed|alerts)|"
        r"get (?:our|the) [\w ]{0,30}(?:in your inbox|delivered)|your inbox|"
        r"breaking news emails|we(?:'|’)ve sent you|abonnieren sie|melden sie sich|inscrivez-vous|"
        r"suscríbete|iscriviti alla|подпишитесь|اشترك في"
    ),
    "comment_form": (
        r"leave a (?:reply|comment)|post a comment|add a comment|your email address will not be published|"
        r"required fields are marked|log in to (?:comment|reply)|be the first to comment|comments are closed|"
        r"post your comment|commenting using|you are commenting|tell us what you think|"
        r"cancel reply|notify me of (?:new|follow-up)|save my name, email|view (?:all )?comments|"
        r"^(?:log ?in|sign in) to (?:comment|reply)|^(?:read|view|show|see) (?:all )?\d+ comments|"
        r"^sort by:? (?:newest|oldest|best|top|most)|^report (?:this )?comment|"
        r"top rated comments|show comments|hide comments|kommentar schreiben|laisser un commentaire|"
        r"deja un comentario|lascia un commento|оставить комментарий|اترك تعليقا|أضف تعليق"
    ),
    "paywall": (
        r"already a subscriber|subscribe (?:now |today )?(?:to|for) (?:continue|keep|read|unlimited|full|all)|"
        r"to continue reading|continue reading with|for all of the times|log into your \w+ account|"
        r"verify access|trouble retrieving the article|"
        r"you(?: have|'ve|’ve) reached (?:your|the) (?:limit|maximum)|"
        r"this (?:article|content) is (?:only )?(?:available|reserved) (?:to|for) (?:subscribers|members)|"
        r"start your (?:free )?trial|want all of the times|"
        r"subscribe (?:now |today )?for (?:just|only) |"
        r"support (?:local|independent|quality) journalism\W+(?:subscribe|donate|become|join)|"
        r"jetzt weiterlesen|nur für abonnenten|réservé aux abonnés|"
        r"exclusivo para suscriptores|riservato agli abbonati|للمشتركين فقط"
    ),
    "consent": (
        r"enable javascript|turn on javascript|"
        r"your browser (?:does not|doesn't) support|update your browser|we value your privacy|"
        r"this audio is (?:created|generated)|created with ai assistance|listen to this article"
    ),
    "cookie": r"cookie-richtlinie|utilisation des cookies|política de cookies|ملفات تعريف الارتباط",
    "share": (
        r"follow us (?:on)?|^join (?:our|us on) (?:whatsapp|telegram)|download (?:our|the) free app|"
        r"share (?:on|via|to) (?:facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|more)|"
        r"share via|like us on|find us on|join us on|"
        r"click to share|opens in (?:a )?new window|send (?:this|by) e-?mail|"
        r"auf facebook teilen|partager sur|compartir en|condividi su"
    ),
    "boilerplate": (
        r"all rights reserved|©|\(c\) \d{4}|copyright \d{4}|alle rechte vorbehalten|tous droits réservés|"
        r"todos los derechos reservados|tutti i diritti riservati|все права защищены|جميع الحقوق محفوظة|"
        r"this (?:article|story|post) (?:was|has been) (?:originally )?(?:published|updated)|"
        r"^(?:published|updated|posted|last updated|first published)"
        r"(?:\W*$|\s*:|\s+(?:on|at|by|yesterday|today|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
        r"mon|tue|wed|thu|fri|sat|sun)[a-z]*\b))|"
        r"\bviews?\s*:\s*\d|\b\d+\s*(?:min|minutes?) read\b|"
        r"click here|tap here|download (?:the|our) app|get the app|\[/?(?:button|caption|embed|gallery|video)\b|"
        r"image (?:source|caption)|getty images$|^photo:|^credit(?::|\.\.\.)|"
        r"report (?:a|an) (?:error|typo|correction)|corrections? policy|ethics policy|"
        r"our standards\s*:|trust principles|this is a developing (?:news )?story|this story is developing|"
        r"check back (?:later |soon )?for (?:updates|more)|temps de lecture|lesezeit|tiempo de lectura|"
        r"tempo di lettura|"
        r"(?:article|story|content) continues (?:below|after)|continue reading below|video player is loading|"
        r"this video (?:can ?not|cannot|could not) be (?:played|loaded)|^(?:have|got) a (?:news |story )?tip\?|"
        r"^(?:did you find|was) this (?:article|story|page) (?:useful|helpful)|^send us (?:your )?feedback|"
        r"^for more (?:news|stories)\W+visit|^follow (?:the latest|all the latest|our (?:live )?coverage|"
        r"\w+'s coverage)|^this (?:report|story|article|content) was (?:produced|created|paid for) by|"
        r"(?:links|stories|content) by (?:taboola|outbrain)|^page \d+ of \d+$|"
        r"^\((?:ap|afp|epa|reuters|getty)? ?(?:photo|image|foto)s?\b[^()]{0,80}\)$"
    ),
}
# Words that mark chrome only when the line speaks to the reader or is a bare label: news reports on
# consent, cookies, newsletters, paywalls and advertising too ("Meta was fined for failing to obtain
# valid consent"), and such a sentence must stay.
_TOPIC_PHRASES: dict[str, str] = {
    "newsletter": (
        r"e-?mail address|newsletter|confirmation email|(?:news|email|e-mail) alerts|"
        r"delivered (?:weekday|daily|every)|unsubscribe"
    ),
    "paywall": (
        r"subscriber[- ]only|subscribers only|free articles? (?:left|remaining)|unlock (?:this|full|unlimited)|"
        r"reader mode|paywall"
    ),
    "consent": (
        r"javascript (?:is )?(?:disabled|required)|requires? javascript|ad ?blocker|"
        r"privacy (?:settings|preferences|choices)|consent|gdpr|manage (?:preferences|options|settings)|"
        r"accept all|reject all|recaptcha|audio (?:version|generated)"
    ),
    "cookie": r"cookies?\b",
    "share": r"share (?:this|on|via|to|it with)",  # "share on/to <network>" is in _PHRASES
    "boilerplate": (
        r"reading time|sponsored by|paid (?:post|content)|partner content|advertisement\b"
    ),
}
_READER_WORDS = frozenset({"you", "your", "you're", "you've", "you’re", "you’ve", "yours", "we", "we're", "we've",
                           "we’re", "we’ve", "our", "please", "i", "me", "my"})
_IMPERATIVES = frozenset({"get", "sign", "subscribe", "join", "click", "tap", "follow", "download", "enter", "accept",
                          "manage", "check", "share", "read", "watch", "listen", "like", "allow", "enable",
                          "disable", "turn", "see", "learn", "try", "start", "unlock", "support", "register"})
_LABEL_WORDS = 4
_SHORT_LABEL_WORDS = 8


def _reader_facing(line: str, low: str) -> bool:
    """A line addressed to the reader ("We use cookies", "your ad blocker", "This site uses...", "Get
    alerts...") or a bare label ("Cookie Policy", "Email address"), not a reported sentence or a quote."""
    words = low.split()
    n = len(words)
    if n <= _LABEL_WORDS or (n <= _SHORT_LABEL_WORDS and line[-1:] not in ".!?\"”"):
        return True
    if line[0] in "\"“'‘«" or " said" in low or " says" in low or " told" in low or "according to" in low:
        return False  # a quote or a reported statement
    if "!" in line or words[0] in _IMPERATIVES:  # "Share it with a friend!", "Get breaking news alerts..."
        return True
    toks = {w.strip(".,;:!?()") for w in words}
    return not toks.isdisjoint(_READER_WORDS) or " us " in f" {line} " or "this site" in low \
        or "this website" in low


# Patterns are matched against the lower-cased line: case-sensitive matching is much faster.
PHRASE_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern)) for reason, pattern in _PHRASES.items()
)
TOPIC_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern)) for reason, pattern in _TOPIC_PHRASES.items()
)
_COMMON = frozenset({"the", "our", "you", "your", "this", "for", "and", "with", "all", "are", "has", "been",
                     "was", "not", "out", "that", "its", "get", "new", "now", "have"})
_STEM_LEN = 4


def _stems(pattern: str) -> frozenset[str]:
    words = re.findall(r"[^\W\d_]{4,}", pattern.replace("\\b", " ").replace("\\w", " ").replace("\\s", " "))
    return frozenset(w.lower()[:_STEM_LEN] for w in words if w.lower() not in _COMMON)


# A phrase can only match when one of its words is in the line: a cheap set test first.
_REASON_STEMS: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...] = tuple(
    (reason, _stems(pattern), rx) for (reason, pattern), (_, rx) in zip(_PHRASES.items(), PHRASE_RES, strict=True)
)
_TOPIC_STEMS: tuple[tuple[str, frozenset[str], re.Pattern[str]], ...] = tuple(
    (reason, _stems(pattern), rx)
    for (reason, pattern), (_, rx) in zip(_TOPIC_PHRASES.items(), TOPIC_RES, strict=True)
)
_TRIM = re.compile(r"^[\W_]+|[\W_]+$")

# Casino/gambling and SEO-spam vocabulary, multilingual-minded (Indonesian "judi", "togel"...),
# matched on tokens so a long text costs one tokenising pass.
_SPAM_WORDS = frozenset({
    "casino", "casinos", "kasino", "slot", "slots", "gacor", "jackpot", "poker", "roulette", "blackjack",
    "baccarat", "sportsbook", "betting", "bet365", "togel", "judi", "bandar", "maxwin", "sbobet",
    "gambling", "viagra", "cialis", "escort", "slotonline", "slotgacor",
})
_SPAM_PHRASES = re.compile(
    r"free spins|no deposit bonus|pragmatic play|payday loans?|replica watches|slot online|situs slot"
)
_SPAM_BRAND = re.compile(
    r"(?:[a-z]{0,12}\d{2,3}(?:win|bet|slot|vip|play|club|gold|luck|casino)|"
    r"(?:win|bet|slot|vip|gold|luck|casino|king|jili|pg)\d{2,3})"
)
_ALNUM = re.compile(r"[^\W_]+")
_MIXED = re.compile(r"(?<![a-z\d])[a-z]*+\d{2,3}[a-z]*+(?![a-z\d])")


_PHRASE_HEADS = frozenset({"spins", "deposit", "pragmatic", "payday", "replica", "online", "situs"})


# Substring checks are the cheapest scan of a long text; only pages that pass get tokenised.
_SPAM_STEMS = ("casino", "slot", "poker", "gambl", "betting", "togel", "judi", "gacor", "jackpot", "viagra")


def spam_hits(text: str, prefilter: bool = True) -> list[str]:
    """Gambling and SEO-spam terms found in a text, lower-cased (brands with digits only beside them)."""
    low = text.lower()
    if prefilter and not any(k in low for k in _SPAM_STEMS):
        return []
    toks = set(_ALNUM.findall(low))
    hits = sorted(toks & _SPAM_WORDS)
    hits.extend(t for t in set(_MIXED.findall(low)) if _SPAM_BRAND.fullmatch(t) is not None)
    if not toks.isdisjoint(_PHRASE_HEADS):
        hits.extend(m.group(0) for m in _SPAM_PHRASES.finditer(low))
    return hits


def is_spam_line(text: str) -> bool:
    """True when a short line of a page already known to carry spam terms has some too."""
    return bool(spam_hits(text, prefilter=False))


def strip_spam(text: str) -> str:
    """A line with its spam tokens removed (for a headline that carries a brand prefix)."""
    def spammy(word: str) -> bool:
        w = _TRIM.sub("", word.lower())
        return w in _SPAM_WORDS or (not w.isalpha() and _SPAM_BRAND.fullmatch(w) is not None)

    return " ".join(w for w in text.split() if not spammy(w)).strip(" -|:")


_WIRE_CREDITS = frozenset({"associated press", "the associated press", "reuters", "afp", "ap", "dpa", "efe", "ansa",
                           "upi", "pa", "pa media", "bloomberg", "cnn wire", "aap"})


def wire_credit(line: str, low: str | None = None) -> bool:
    """A line that is only an agency's name ("Associated Press", "(AP)"): the credit under a photo or a story.

    Not an exact chrome word: inside a sentence split at its links ("said" / "Reuters" / "on Monday.")
    the name is text."""
    if len(line) > 30:
        return False
    return _TRIM.sub("", line.lower() if low is None else low) in _WIRE_CREDITS


def exact_reason(line: str, low: str | None = None) -> str:
    """The reason a whole short line is page chrome, or "" (e.g. "Share", "Teilen")."""
    if len(line) > 60:
        return ""
    key = _TRIM.sub("", line.lower() if low is None else low)
    return _EXACT_INDEX.get(key, "")


STRONG_REASONS = frozenset({"paywall", "newsletter", "comment_form", "consent"})
_STRONG_STEMS = frozenset().union(*(st for reason, st, _ in _REASON_STEMS + _TOPIC_STEMS if reason in STRONG_REASONS))


def phrase_reason(line: str, strong_only: bool = False, low: str | None = None) -> str:
    """The reason a short line carries a chrome phrase ("enter your email"), or ""."""
    low = line.lower() if low is None else low
    # str.split is several times cheaper than a regex tokeniser; leading quotes rarely matter here
    stems = {t[:_STEM_LEN] for t in low.split()}
    symbol = "©" in line
    if strong_only and not symbol and stems.isdisjoint(_STRONG_STEMS):
        return ""
    for reason, reason_stems, rx in _REASON_STEMS:
        if strong_only and reason not in STRONG_REASONS:
            continue
        if (symbol or not stems.isdisjoint(reason_stems)) and rx.search(low):
            return reason
    for reason, reason_stems, rx in _TOPIC_STEMS:
        if strong_only and reason not in STRONG_REASONS:
            continue
        if not stems.isdisjoint(reason_stems) and rx.search(low) and _reader_facing(line, low):
            return reason
    return ""


_RELATIVE_TIME = re.compile(
    r"^(?:updated |posted |published )?(?:\d+\s*(?:s|m|h|d|w|min|mins|minutes?|hrs?|hours?|days?|weeks?|months?)\s+ago|"
    r"\d{1,2}:\d{2}\s*(?:am|pm)?(?:\s*\(updated:?\s*\))?|"
    r"vor \d+ (?:minuten|stunden|tagen)|il y a \d+ (?:min|minutes?|heures?|jours?)|hace \d+ (?:minutos?|horas?|días?)|"
    r"\d+ (?:минут|час|дн)\w* назад|منذ \d+ \w+)(?:\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:am|pm)?)?$"
)


def is_relative_time(line: str) -> bool:
    """True for a feed timestamp such as "32M ago" or "2 days ago at 07:52 am"."""
    return len(line) <= 40 and _RELATIVE_TIME.match(line.strip().lower()) is not None


_LEGAL = re.compile(
    r"©|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|"
    r"tutti i diritti riservati|все права защищены|جميع الحقوق محفوظة"
)


_LEGAL_HINTS = ("©", "reserv", "riserv", "vorbehalten", "droits", "derechos", "права", "الحقوق")


def may_be_legal(low_text: str) -> bool:
    """Whether a (lower-cased) text could hold a copyright line at all: one cheap pass per text."""
    return any(h in low_text for h in _LEGAL_HINTS)


def is_legal(line: str, low: str | None = None) -> bool:
    """True for a copyright or all-rights-reserved notice."""
    low = line.lower() if low is None else low
    return any(h in low for h in _LEGAL_HINTS) and _LEGAL.search(low) is not None


def terminator_kind(line: str) -> str:
    """ "hard" for a heading that ends an article (comments, news feed), "soft" for "Related", else ""."""
    if len(line) > 60:
        return ""
    key = _TRIM.sub("", line)
    if HARD_TERMINATORS.match(key):
        return "hard"
    if SOFT_TERMINATORS.match(key):
        return "soft"
    return ""


def is_terminator(line: str) -> bool:
    """True for a heading that opens a list of other stories or the comments."""
    return terminator_kind(line) != ""
