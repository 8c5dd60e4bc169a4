"""Sentences that are not claims, and why: datelines, bylines, captions, headings, table rows,
links, boilerplate, questions, instructions, exhortations, predictions and plans, opinion and
fragments. A reviewer sees these reasons in `verify ingest --json`. Pure.
"""

import re

from verify import languages, prefilter, quantities
from verify.sentences import DATELINE_RE

LINK_RE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|html?)\S*$", re.I)
TIME_ONLY_RE = re.compile(r"^\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)\.?$", re.I)
BYLINE_RE = re.compile(
    r"^[—–-]*\s*(?:\(?(?:by|written by|reporting by|additional reporting by|editing by|"
    r"compiled by|story by|words by)\s+(?-i:[A-Z])|©|\(c\)\s|copyright\b)",  # a name follows:
    # not '"By allowing these cases to avoid early review, …'
    re.I,
)
# The credit at a story's foot: "The Associated Press contributed to this report.", "Baldor
# reported from Newport, Wales.", "Associated Press writers … in Cairo … contributed."
CREDIT_RE = re.compile(
    r"^(?:[^.!?]|\.(?=\w)|(?<=\b[A-Z])\.\s){2,300}\b(?:contributed|contributing)\b"
    r"(?:\s+(?:reporting|to\s+this\s+(?:report|story|article)))?\.?$"
    r"|^(?:[A-Z][\w.'’-]+\s+){1,3}(?:reported|wrote)\s+(?:this\s+(?:report|story)\s+)?from\s+"
    r"(?:[A-Z][\w.'’-]+,?\s*){1,4}\.?$"
    # "CNN's Raja Razek reported from near Suruc, while Laura Smith-Spark wrote in London …"
    r"|^[A-Z][\w.]*['’]s\s+(?:[A-Z][\w.'’-]+\s+){1,3}(?:reported|wrote)\s+(?:from|in)\s+"
    r"(?:near\s+)?[A-Z][^\d!?]{0,160}$"
)
# An embedded post's signature line as social sites render it under the quoted text:
# "— The Nigerian Senate (@NGRSenate) October 9, 2018".
EMBED_SIGNATURE_RE = re.compile(r"^(?:@\w+\s*)?[—–-]\s*[^.!?]{0,80}\(@\w+\)")
# A shared post: a link and the account's signature in one line.
SHARED_POST_RE = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+.*[—–-]\s*[^.!?]{0,80}\(@\w+\)")
# The author's note at the foot of a story: "Diana Falzone is a FoxNews.com reporter."
AUTHOR_BIO_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}is an? (?:[\w.&'’-]+ ){0,4}(?:reporter|correspondent|writer|"
    r"columnist|contributor|editor|producer)\b[^.]{0,60}\.?$"
)
BOILERPLATE_RE = re.compile(
    r"all rights reserved|may not be (?:published|reproduced)|adapted from its original source|"
    r"\bsign up\b|\bsubscribe\b|click here|read more\b|follow us\b|newsletter|cookies?\b|"
    r"terms of (?:use|service)|privacy policy|this (?:story|article) (?:was|has been) "
    r"(?:supplied|updated|originally published|first published|adapted|corrected)",
    re.I,
)
# A teaser cut off mid-phrase: a related story's title ("… after picking fight with...").
TRUNCATED_RE = re.compile(r"[a-z](?:\.\.\.|…)$")
# A photo's caption: present tense of what the picture shows, and no stop at the end.
PHOTO_CAPTION_RE = re.compile(
    r"^[A-Z][^.!?:]{10,}\b(?:is seen|are seen|shows|stands|stand|guards|guard|holds|hold|"
    r"inspects|poses|pose|arrives|arrive|shout|shouts|waves|wave|looks on|look on|walks|walk|"
    r"gather|gathers|carries|carry)\b[^.!?]*[A-Za-z0-9]$"
)
# A label, a colon and words that end with no stop: a picture's caption on tabloid pages
# ("Grim work: The remains of nine people had been brought …"), a related link, a heading.
LABELLED_RE = re.compile(
    r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,2}:\s+(?P<text>[A-Z\"“‘].*[^.!?\"”’)\s])$", re.DOTALL
)
# A line of six words or more with no stop at its end, in copy that ends its sentences with
# one, is a picture's caption (tabloid pages print them between paragraphs); a post quoted with
# its address, handle or signature line is no caption.
# A picture's marks inside a caption: "(pictured)", "Mr Abdulla (right) pictured with …",
# "Big Bank Hank, left, leaves …", "in an undated family photo" (not "he was pictured limping").
CAPTION_MARK_RE = re.compile(
    r"\((?:pictured|above|below|left|right|centre|center|l\.|r\.)\b[^)]{0,40}\)|\bpictured\b|"
    r", (?:left|right|centre|center),|^From left,|^\((?:[LlRr]|L-R|R-L)\)\s|"
    r"\bin an undated (?:\w+ )?(?:photo|picture|image)\b|"
    # "… is seen here in an Islamist propaganda photo", "The Gatineau Hills are in the
    # background.", "A file image made from video … shows", "A view of Pudong …"
    r"\b(?:is|are) seen here\b|\bare in the background\b|"
    r"^(?:A|This) (?:file |handout |still )?(?:photo|image|picture|still)\b"
    r"(?= (?:made|taken|provided|released|shows?)\b)|^A view of\b"
)
PHOTOGRAPHED_RE = re.compile(r"\b(?:was|were|been|be|rarely)\s+pictured\b")
UNSTOPPED_RE = re.compile(r"[^.!?:;\"”’'…)\]。！？」』）\s]$")
POST_MARKS_RE = re.compile(r"pic\.twitter|https?://|—|@\w|#\w")
CAPTION_RE = re.compile(
    r"^\(?(?:graphic|photo|image|picture|video|main image|file photo)s?\b[^.]{0,80}(?:[:–-]|"
    r"credit)|image credit|photo credit|\((?:getty|reuters|ap|afp)(?: images)?\)$|"
    # Sentences that introduce a chart, table or map on the page describe the page, not the
    # world: "The following chart summarizes …", "Here's the most recent data on …".
    r"\b(?:the|this) (?:following|below) (?:chart|table|graphic|graph|map|list)\b|"
    r"\b(?:chart|table|graphic|graph|map) (?:below|above)\b|"
    r"^here(?:'s|’s| is| are) (?:the|a|an|our|some) (?:[\w-]+ ){0,3}"
    r"(?:data|chart|table|graphic|graph|map|figures|numbers|look)\b",
    re.I,
)
IMPERATIVE_VERBS = {
    "add", "eat", "boil", "fill", "put", "place", "heat", "stir", "remove", "let", "make",
    "take", "use", "try", "check", "click", "visit", "read", "see", "watch", "follow", "don't",
    "do", "never", "always", "be", "keep", "stay", "avoid", "go", "get", "give", "call",
    "contact", "wash", "cut", "core", "peel", "mix", "pour", "bring", "cook", "bake", "serve",
    "turn", "set", "wait", "store", "allow", "choose", "consider", "enjoy", "sign", "share",
    "imagine", "remember", "look", "start", "stop", "join", "find", "buy", "drink", "wear",
    "ladle", "cube", "wipe", "screw", "tighten", "seal", "simmer", "sterilize", "sterilise",
    "cover",
    "drain", "combine", "whisk", "chop", "slice", "spread", "sprinkle", "preheat", "note",
    "please", "tell", "ask", "pray", "forgive", "protect", "guide", "help", "learn", "download",
    "register", "apply", "subscribe", "vote", "support", "donate", "beware", "don’t",
}  # fmt: skip
LEADING_PHRASE_RE = re.compile(
    r"(?i)(?:to|in|into|on|for|with|once|when|after|before|while|if|meanwhile)\b[^,]{1,50},\s+"
)
INSTRUCTION_RE = re.compile(
    r"\byou(?:'ll| will)? (?:need|want|should|must|can|could|have to|may want)\b|"
    r"\b(?:make sure|be sure)\b|\bit(?:'s| is) (?:best|important|a good idea) to\b",
    re.I,
)
PRAYER_RE = re.compile(
    r"\b(?:we|i) pray\b|\bmay (?:god|allah|the lord)\b|\brest in peace\b|\bamen\b|"
    r"\b(?:semoga|mudah2an|mudah-mudahan)\b",
    re.IGNORECASE,
)
EXHORTATION_RE = re.compile(
    r"\b(?:let's|let’s|let us|we must|we should|we need to|we have to|(?:I|we) call (?:on|upon)|"
    r"we (?:cannot|can't|can’t|"
    r"must not|mustn't|should not|shouldn't) (?:continue|allow|let|accept|afford|wait))\b",
    re.I,
)
QUOTED_TITLE_RE = re.compile(r"[\"“][A-Z][\w’',!-]*(?:\s+[A-Z0-9][\w’',!-]*)+[\"”]")
FUTURE_RE = re.compile(
    # "could not yet confirm that …" reports what a source was unable to do, no forecast
    r"\b(?:will(?!\.\w)|won't|would|"  # not "Will.i.am"
    r"could(?! not (?:yet |immediately |independently )?(?:confirm|say|"
    r"verify|find|determine|locate|identify|establish|explain)\b)|(?-i:may)|^May|might|shall|"
    r"should(?! be noted)|'ll|was set to|"
    r"were set to|is due to|"
    r"are due to|is expected to|are expected to|plans? to|planned to|intends? to|aims? to|"
    r"is likely to|are likely to|is going to|are going to|hopes? to|wants? to|is poised to|"
    r"looks like it's|is about to|are about to|"
    # Forecasts in the passive: "Sales are forecast to reach 3 million units in 2021", "is
    # projected to grow" (not "is estimated to have killed": that reports the past).
    r"(?:is|are|was|were)\s+(?:forecast|projected|predicted|tipped|slated)\s+to\s+(?!have\b)|"
    # A date fixed ahead: "is currently scheduled to be released on Dec. 18", "is set for 1:00
    # p.m. Tuesday" (not "which is scheduled to launch …", a clause on something else).
    r"(?<!which )(?<!that )(?<!who )(?:is|are)\s+(?:(?:currently|now|still|also|tentatively|"
    r"officially)\s+)?(?:scheduled|slated|set|due)\s+(?:to\s+(?-i:[a-z]+)|for)\b|"
    # "Seoul expects PV cell producers to increase …": an expectation about others
    r"expects?\s+(?:[\w'’-]+\s+){1,6}?to\s+(?!be\s+\w+ed\b)[a-z]+)\b",
    re.I,
)
# A plan reported as announced is still a plan: "revealed lofty plans to expand the fleet",
# "unveiled a plan to cut 5,000 jobs", "announced its intention to".
ANNOUNCED_PLAN_RE = re.compile(
    r"\b(?:announc|reveal|unveil|outlin|detail|lay|laid|set|sets|put|puts)\w* (?:out )?"
    r"(?:(?:a|an|the|its|their|his|her|new|lofty|ambitious|bold|major)\s+){0,3}"
    r"(?:plans?|proposals?|intention|bid|ambitions?|goal|target) (?:to|for)\b",
    re.I,
)
# Future tense by its endings in Romance languages: Italian "ospiterà", Portuguese "estará" /
# "serão", Spanish "tendrá" / "serán".
ROMANCE_FUTURE_RE = {
    "it": re.compile(r"\b\w+(?:erà|irà|arà|eranno|iranno|aranno)\b", re.I),
    "pt": re.compile(r"\b\w+(?:ará|erá|irá|arão|erão|irão)\b", re.I),
    "es": re.compile(r"\b\w+(?:ará|erá|irá|arán|erán|irán)\b", re.I),
}
# A German plan: "Die App soll … aufgezeigt werden", "Eine Anbindung ist geplant".
# (not the verb closing a clause: "…, wer darauf Zugriff haben soll.")
GERMAN_PLAN_RE = re.compile(
    r"\b(?:soll|sollen)\b(?!\s*[.,;])|\b(?:ist|sind) geplant\b|\bin Vorbereitung\b"
)
GERMAN_ACCORDING_RE = re.compile(r"(?:Laut|Nach Angaben|Gemäß)\b")  # what a law or source says
PAST_OR_PRESENT_BEFORE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do)\b(?! (?:set|due|expected|likely|going|"
    r"poised|about) to)|(?<!the )(?<!a )\b\w+ed\b|\b(?:thought|knew|felt|found|made|took|gave|"
    r"got|went|came|saw|told|said|says|became|began|led|left|lost|won|paid|sent|spent|built|"
    r"held|kept|brought|bought|claimed|believes|thinks|flew|ran|wrote|spoke|drove|fell|rose|"
    r"chose|struck|stood|sat|met|took|broke|caught|fought|sold|shot|hit|put|set|won|ate|drew|"
    r"grew|knew|threw|wore|hid|rode|woke|swore|sank|rang|sang|shook|stole|froze)\b",
    re.I,
)
OPINION_RE = re.compile(
    r"\b(?:i think|i believe|i feel|i prefer|i love|i hope|i don't know|i don’t know|in my "
    r"(?:view|opinion)|sadly|unfortunately|fortunately|hopefully|honestly|frankly|delicious|"
    r"wonderful|terrible|amazing|awesome|awful|lovely|beautiful|best|worst|yummy|easy|tasty|"
    r"chances are|needless to say|of course|(?:i|we|they|he|she) hopes?|hoped|hopeful|think|"
    r"welcomed?|welcomes|pleased|relieved|grateful|thank|thanks|thanked|praised?|condemned|"
    r"disappointed|unacceptable|outrageous|shameful|disgraceful|terribly|luckily|"
    r"end of an era|no further comment|vote of confidence|"
    # Stance adverbs and evaluative frames: the writer (or a quoted source) judging rather than
    # reporting ("perhaps being fuelled", "it's unclear how", "in the ballpark", "so sad").
    r"perhaps|arguably|obviously|surely|undoubtedly|admittedly|necessarily|"
    r"it(?:'s|’s| is) (?:unclear|a shame|that simple|hard to say|too early to say)|makes sense|"
    r"in the ballpark|a reasonable|(?:so|how|very|too) sad|deluding|"
    # Reported feelings and criticism: what someone felt or found fault with is their view,
    # not an event another source could confirm ("said they felt dejected", "criticised …",
    # "complained of poor communications", "expressed their condolences").
    # Deontic statements say what ought to happen, a norm rather than a fact ("Any final
    # agreement … needs to be made directly with …", "cases need to be carefully verified").
    r"needs? to be|ought to|"
    r"felt|criticis(?:e|ed|es|ing)|criticiz(?:e|ed|es|ing)|complain(?:ed|s|ing)?|"
    r"(?:voiced|expressed|expressing|voicing) (?:(?:their|his|her|its|deep|grave|serious) )?"
    r"(?:condolences|concerns?|fears?|sympathy|regret|sadness|gratitude|dismay|frustration|"
    r"anger|outrage|support)|"
    # Reported states of mind: worry, wonder, panic and blame are attitudes, not events ("has
    # US officials wondering if", "investors shouldn't fret", "is worrying", "blaming parents").
    r"worried|worrying|fret(?:s|ting)?|wonder(?:s|ed|ing)|panick(?:ed|ing)|(?:begin|beginning|"
    r"began|start|started|starting) to panic|"
    r"blam(?:e|es|ed|ing)|misinterpret\w*|it(?:'s|’s| is) obvious)\b",
    re.I,
)
# A speaker's own stance, quoted or not: "We believe that justice has been served", "I am
# confident South Dakota can lead", "My hope is that …", "we are thankful for and agree with".
STANCE_RE = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:do|really|strongly|firmly|also|still|all|truly)\s+)?(?:believe|think|"
    r"feel|hope|interpret|expect|agree|disagree|trust|doubt|suspect|(?:am|are)\s+(?:confident|"
    r"sure|certain|thankful|grateful|proud|pleased|hopeful|optimistic|convinced|concerned))\b|"
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:hope|view|belief|feeling|sense|opinion|wish|concern)\b"
)
# A label pinned on something is the labeller's judgement ("described the arachnid attacks as
# \"madness\"", "called the new campaign a \"bold, innovative effort\""), unless the label says
# a claim is false: that is a dispute, and the claim is checkable.
LABEL_RE = re.compile(
    r"\b(?:described|describes|describing|called|calls|calling|hailed|branded)\s+(?!(?:on|for|off|"
    r"up|in|out)\b)(?:[\w'’-]+\s+){1,5}?(?:as\s+|a\s+|an\s+)?[\"“‘'](?![^\"”’']*\b(?:false|fake|"
    r"untrue|lies?|lying|nonsense|hoax|baseless|fabricat\w*|bogus|inaccurate|wrong)\b)"
    r"[^\"”’']*[\"”’']?[.!]?[\"”’']?\s*$",  # the label ends the sentence: nothing else is said
    re.I,
)
# What a newsroom says about its own reporting: "It was not possible to independently verify
# the group's claim", "Smith did not immediately return a request for comment".
NEWSROOM_RE = re.compile(
    r"\b(?:not possible|unable|impossible|could not|couldn't|cannot|can't) (?:to )?(?:be )?"
    r"(?:independently )?verif\w*|\brequests? for comment\b|\bcould not be reached\b|"
    r"\bno immediate comment\b",
    re.I,
)
# A scheduled event in the present tense is a plan ("management hosts a conference call at 9
# a.m. ET", "The Commission holds a public hearing Wednesday"); so is a stated goal.
SCHEDULE_RE = re.compile(
    r"\b(?:hosts|holds|convenes|will host|will hold)\s+(?:an?|its|their|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:hearing|meeting|call|briefing|conference|summit|vote|session|webinar|event)\b|"
    r"^(?:the|our|its|their|his|her)\s+(?:goal|aim|objective|mission|intention)\s+(?:[\w\s]{0,40})?"
    r"is to\b",
    re.I,
)
# Lead-ins to another article: "SEE ALSO: Here's where President Obama dined …".
LINK_LEAD_RE = re.compile(r"^(?:see also|related|read also|also read|more|watch|listen)\s*:", re.I)
# A pointer to something on the page or elsewhere: "Scroll down for video", "The video is
# embedded below.", "… can be found here.", "Head to io9 to read the rest".
POINTER_RE = re.compile(
    r"\b(?:can|could|may) be (?:viewed|seen|found|read|watched|heard)\s+(?:here|below|above)\b|"
    r"\b(?:is|are) embedded (?:below|above|here)\b|"
    r"^\W*(?:story|article) continues (?:below|after)\b|"
    r"^\W*scroll down\b|^\W*head (?:over )?to \S+ to (?:read|see|watch)\b|"
    r"^\W*(?:click|tap) (?:here|below)\b|^\W*(?:watch|see) (?:the )?(?:video|clip|footage) "
    r"(?:below|above|here)\b",
    re.I,
)
FIRST_SECOND_PERSON_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|you|your|you're|you’re)\b")
# The writer's own "we" outside a quotation: in news copy a reporter never speaks as "we" except
# in an editorial, a column or a fact-check describing its own method ("we used data from …",
# "We rate the statement Mostly True"). Case-sensitive so that "US" is not "us".
EDITORIAL_WE_RE = re.compile(
    r"\b(?:[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Ww]e'll|[Ww]e’ll|[Ww]e'd|[Ww]e’d|[Oo]ur|"
    r"us)\b"
)
# A sentence resting on a supposition ("Assuming the sources are correct, that pegs …") states
# what would follow, not what is.
HYPOTHETICAL_RE = re.compile(
    r"(?i)(?:assuming|supposing|provided that|if true)\b"
    # "If confirmed, the shooting would be the first attack …", "If Isis was able to train
    # pilots, they could mount …": a condition, then what would follow
    r"|if\b[^,]{2,120},\s+(?:[\w’'-]+\s+){1,6}?(?:would|could|might)\b"
)
# A claim, rumour or report quoted in order to dispute or describe it: its tense is its own.
REPORTED_CLAIM_RE = re.compile(
    r"(?i)\b(?:claims?|rumou?rs?|allegations?|hoax(?:es)?|assertions?) that\b.*$", re.DOTALL
)
CONCESSIVE_RE = re.compile(r"(?i)^(?:while|although|though|even though|whereas)\b[^,]{3,200},\s*")
# A reported appeal: someone urging, warning or advising others to do something ("Officials have
# warned people to stay away from infected areas", "advocates are urging the PUC to establish
# …"). The appeal is advice, not a state of affairs.
REPORTED_APPEAL_RE = re.compile(
    r"\b(?:urg|warn|advis|encourag|implor|exhort)\w* (?:(?!that\b)[\w'’-]+ ){1,5}to "
    r"(?!the\b|a\b|an\b|\d)[a-z]+",
    re.I,
)
# First- and second-person words and imperative markers outside English (the gold set and the
# benchmark pages hold Indonesian), enough to tell sermons and advice from reports.
PERSONAL_WORDS = {
    "id": r"\b(?:jangan|janganlah|mari|marilah|hendaklah|sebaiknya|semoga|mudah2an|mudah-mudahan|"
    r"kita|kami|saya|aku|kamu|anda|engkau|kalian|ayo|harus|harusnya|seharusnya|tentu|"
    r"tentunya|mungkin|pasti|nah|cuma)\b|^jadi\b",
    "de": r"\b(?:ich|wir|du|ihr|Sie|mein|unser|dein)\b",
    "pt": r"\b(?:eu|nós|você|vocês|meu|nosso)\b",
    "es": r"\b(?:yo|nosotros|usted|ustedes|mi|nuestro)\b",
    "fr": r"\b(?:je|nous|vous|mon|notre)\b",
    "it": r"\b(?:io|noi|voi|mio|nostro)\b",
    # Cyrillic letters are not \w-bounded the same way in every engine: look-arounds instead.
    "ru": r"(?<!\w)(?:я|меня|мне|мной|мой|моя|моё|мои|мы|нас|нам|нами|наш|наша|наше|наши|ты|тебя|"
    r"тебе|твой|твоя|вы|вас|вам|ваш|ваша|ваше|ваши|кажется)(?!\w)",
}
PERSONAL_RE = {lang: re.compile(words, re.I) for lang, words in PERSONAL_WORDS.items()}


def reason(
    sentence: str, assertion: str, *, attributed: bool, lang: str = "en", lead: bool = False
) -> str | None:
    """Why a sentence is not a claim ("question", "heading", "prediction" …), or None. `lead`:
    the sentence opens its page, where a summary line may go without a stop."""
    text = sentence.strip()
    bare = text.strip("\"“”'‘’ ")
    words = bare.split()
    return (
        _structural(text, bare, words, lang)
        or ("caption" if lang == "en" and not attributed and _labelled(bare) else None)
        or _mood(bare, assertion, words, attributed=attributed, lang=lang)
        or ("fragment" if languages.word_count(bare) < 3 or _lead_in(text) else None)
        or _unstopped(text, bare, words, lead=lead)
    )


# A photo caption opening with a label of a word or two and a colon, tabloid style:
# "Sickening: ISIS sympathisers took to social media …", "Key suspect: Abdel-Majed Abdel Bary",
# "BETRAYED: The teacher reportedly asked …". Not a label that opens copy ("Update:", "Note:",
# a fact-check's "Claim:" and "Origins:"), nor "He said:" and other speech.
CAPTION_LABEL_RE = re.compile(
    r"^(?P<label>[A-Z][a-z]+(?: [a-z]+)?|[A-Z]{2,}(?: [A-Z]{2,})?): (?=[A-Z])"
)
NOT_LABELS = {
    "he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "another", "update",
    "updated", "correction", "note", "origins", "claim", "claims", "fact", "facts", "analysis",
    "editor", "rating", "verdict", "news", "example", "warning", "disclaimer", "breaking",
    "conclusion", "answer", "question", "q",
}  # fmt: skip


def _labelled(bare: str) -> bool:
    label = CAPTION_LABEL_RE.match(bare)
    return label is not None and label.group("label").split()[0].lower() not in NOT_LABELS


def _caption_mark(bare: str) -> bool:
    mark = CAPTION_MARK_RE.search(bare)
    if mark is None:
        return False
    return mark.group() != "pictured" or not PHOTOGRAPHED_RE.search(bare)


def _structural(text: str, bare: str, words: list[str], lang: str) -> str | None:
    if LINK_RE.match(bare) or LINK_LEAD_RE.match(bare) or SHARED_POST_RE.search(bare):
        return "link"
    if lang == "en" and POINTER_RE.search(bare):
        return "link"
    if DATELINE_RE.match(text + " x") and len(text) < 60:
        return "dateline"
    if TIME_ONLY_RE.match(bare):
        return "dateline"
    if (
        BYLINE_RE.match(bare)
        or EMBED_SIGNATURE_RE.match(bare)
        or AUTHOR_BIO_RE.match(bare)
        or CREDIT_RE.match(bare)
    ):
        return "byline"
    if BOILERPLATE_RE.search(bare) and len(words) < 30:
        return "boilerplate"
    if CAPTION_RE.search(bare) or lang == "en" and _caption_mark(bare):
        return "caption"
    bracketed = re.match(r"^\[.*\]$", bare, re.DOTALL) or re.match(r"^\(.*\)$", bare, re.DOTALL)
    # "(Alden on Tuesday announced that it had become …)" is an aside in prose, not a citation
    aside = (
        bare.startswith("(")
        and len(words) >= 8
        and bool(_has_verb(bare) or LIST_VERB_RE.search(bare))
    )
    if bracketed and not aside:
        return "reference"
    # A heading ends with no stop; Japanese and Chinese end sentences with "。！？" and quotes
    # with "」".
    if not re.search(r"[.!?:;\"”’)。！？」』）]$", text) and languages.word_count(bare) <= 12:
        if re.match(r"^[\d½¼¾⅓/-]", bare):
            return "table"
        if bare.isupper() or sum(w[:1].isupper() for w in words) >= len(words) - 1:
            return "heading"
    if re.match(r"^[\d½¼¾⅓][\d/.,-]*\s", bare) and "," in bare and not _has_verb(bare):
        return "table"
    chunks = re.split(r"(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)|[;(\[]", bare)  # not "13,000", "7:14"
    numbered = sum(bool(re.match(r"\s*[\d½¼¾⅓]", c)) for c in chunks)
    # "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp."; a sentence with a finite verb
    # ("13,000 US troops remain …, 18 years after …") is prose, however many numbers it holds.
    # a match report ("… defeated Khachanov and Rublev 6-4, 7-6 (5) to seal …") is prose too
    result = quantities.SCORES_RE.search(bare) and RESULT_RE.search(bare)
    if (
        len(chunks) >= 3
        and numbered * 2 >= len(chunks)
        and not (PROSE_VERB_RE.search(bare) or result)
    ):
        return "table"
    if text.count("\t") >= 2 or text.count("|") >= 2:
        return "table"
    if len(words) <= 16 and STAT_LINE_RE.match(bare) and not _has_verb(bare):
        return "table"
    if _price_list(bare, words):  # "3 Shrimp Cocktails ($24 each) 2 Foie Gras ($32 each) …"
        return "table"
    if re.match(r"[■▪●◆►]\s", bare):
        return "table"  # a bulleted row of a fact box ("■ Goldfish have no eyelids, …")
    if TRUNCATED_RE.search(text):  # "Teen felled with killer punch after picking fight with..."
        return "link" if len(words) >= 6 else "fragment"
    if PHOTO_CAPTION_RE.match(text):  # "Policemen stand guard at the site where …"
        return "caption"
    labelled = LABELLED_RE.match(text)
    if labelled and lang == "en":  # "Grim work: The remains of nine people had been brought …"
        return "caption" if len(labelled.group("text").split()) >= 6 else "heading"
    if lang == "en" and bare.count(",") >= 4 and not (_has_verb(bare) or LIST_VERB_RE.search(bare)):
        return "table"  # "About 8 ripe pears, a fresh lemon, fruit pectin, cinnamon, …": a list
    return None


def _unstopped(text: str, bare: str, words: list[str], *, lead: bool) -> str | None:
    """A caption printed between paragraphs: six words or more with no stop at the end, past
    the page's opening lines (a summary there goes without one) and no post quoted whole."""
    if lead or len(words) < 6 or not UNSTOPPED_RE.search(text) or text.endswith(","):
        return None
    return None if POST_MARKS_RE.search(bare) else "caption"


def _mood(
    bare: str, assertion: str, words: list[str], *, attributed: bool, lang: str
) -> str | None:
    if re.search(r"\?[!?]*$", bare.rstrip("”\"’'» ")):  # "…?", and "…?!" as in Italian copy
        return "question"
    if re.search(r"[？]$|(?:でしょうか|ですか|ますか|のか)。?$", bare):  # Japanese: "…でしょうか。"
        return "question"
    if PRAYER_RE.search(bare):
        return "prayer"
    first = re.sub(
        r"^(?:then|now|next|finally|first|simply|just|also|please)\b,?\s*", "", bare, flags=re.I
    )
    head = first.split()[0].lower().strip(",.;:") if first.split() else ""
    # "To the pears, add the juice of one lemon", "In a large bowl, whisk the eggs": a leading
    # phrase, then the imperative.
    lead = LEADING_PHRASE_RE.match(first)
    after = first[lead.end() :].split()[0].lower() if lead and first[lead.end() :].split() else ""
    # "Cook said Apple employs …": a name that is also a verb, followed by its own verb
    named = re.match(r"\S+\s+(?:said|says|told|added|noted|wrote|explained)\b", first)
    if lang == "en" and (head in IMPERATIVE_VERBS or after in IMPERATIVE_VERBS) and not named:
        return "instruction"
    # A quoted appeal keeps its mood behind the attribution: "Please ensure that you …,"
    # Davenport said.
    if lang == "en" and re.match(r"(?i)please\b", assertion.lstrip("\"“‘' ")):
        return "exhortation"
    if lang != "en" and lang in PERSONAL_RE and PERSONAL_RE[lang].search(bare):
        return "exhortation" if re.match(r"(?i)jangan|mari|ayo|hendaklah", bare) else "opinion"
    if lang == "en" and INSTRUCTION_RE.search(bare):
        return "instruction"
    if lang == "en" and (EXHORTATION_RE.search(bare) or REPORTED_APPEAL_RE.search(bare)):
        return "exhortation"
    if lang == "en" and HYPOTHETICAL_RE.match(assertion):
        return "prediction"
    # A leading concessive clause ("While the dollar was supported by …, the greenback may be in
    # for some weakness") sets the scene; the main clause after it carries the tense.
    main = CONCESSIVE_RE.sub("", assertion, count=1)
    main = REPORTED_CLAIM_RE.sub("", main)  # "denies the bogus claim that X will …": X is theirs
    # a title quoted in capitals is no forecast: 'The "Break One, Thousands Will Rise" poster'
    future = FUTURE_RE.search(QUOTED_TITLE_RE.sub("", main))
    if lang == "en" and future and not PAST_OR_PRESENT_BEFORE_RE.search(main[: future.start()]):
        return "prediction"
    if lang == "en" and ANNOUNCED_PLAN_RE.search(main):
        return "plan"
    if lang in ROMANCE_FUTURE_RE and ROMANCE_FUTURE_RE[lang].search(main):
        return "prediction"
    if lang == "de" and GERMAN_PLAN_RE.search(main) and not GERMAN_ACCORDING_RE.match(main):
        return "plan"
    if lang == "en" and NEWSROOM_RE.search(main):  # not in an aside on the source: "…, said
        return "other"  # the source, whose information could not be independently verified."
    if lang == "en" and SCHEDULE_RE.search(main):
        return "plan"
    if lang == "en" and any(r.search(bare) for r in (OPINION_RE, STANCE_RE, LABEL_RE)):
        return "opinion"
    if lang == "en" and not attributed and FIRST_SECOND_PERSON_RE.search(bare):
        return "opinion"
    if lang == "en" and not attributed and EDITORIAL_WE_RE.search(bare):
        return "opinion"
    return None


LIST_VERB_RE = re.compile(
    r"\b(?:said|says|say|told|made|took|gave|got|went|came|saw|found|held|left|lost|won|paid|"
    r"sent|spent|built|rose|fell|grew|wrote|bid|began|became|brought|bought|sold|led|met|ran|"
    r"struck|includ\w+|contain\w*|be|been|being|can|could|would|may|"
    r"might|must|should|do|does|did)\b",
    re.I,
)


RESULT_RE = re.compile(rf"\b(?:{quantities.RESULT_VERBS}|[a-z]+ed|beating)\b")
PROSE_VERB_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|remain|remains|remained)\b")
# A box score's line, one player's or team's numbers and no verb: "Davis 17 points.", "Aden
# O'Hara 2 goals, 2 assists.", "Heritage (1-0): Armani Sheffield 19 points and 3 steals."
_STAT_NAME = r"(?!(?:A|An|The|About|Some|Over|Nearly|Only) )[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
_STAT_NAMES = rf"{_STAT_NAME}(?: and {_STAT_NAME})?"
_STAT = r"\d+(?:\.\d+)? [a-z][\w-]*(?: [a-z][\w-]*)?"
STAT_LINE_RE = re.compile(
    rf"^(?:{_STAT_NAMES} \((?:[\d-]+|NR)\): )?{_STAT_NAMES} {_STAT}(?:(?:,| and) {_STAT})*\.?$"
)


# A speaker introducing the words that follow, and nothing else: "…, said:", "Warren also said
# this in talking about the airstrikes:".
SAID_COLON_RE = re.compile(
    r"\b(?:said|says|wrote|writes|added|adds|explained|stated|continued|tweeted|posted)"
    r"(?:\s+(?:this|the following)\b[^:]{0,80})?\s*:$"
)


def _lead_in(text: str) -> bool:
    """A line that only introduces what follows ("Senate resolves to:", "See tweets:"); a
    sentence that states something before its colon ("NASA denies … the bogus claim that …:")
    is not one."""
    if not text.endswith(":"):
        return False
    if SAID_COLON_RE.search(text):  # "Det. James Patterson, allegedly of …, said:"
        return True
    words = text.split()
    return len(words) < 8 or not (_has_verb(text) or LIST_VERB_RE.search(text))


# A list run together on one line: many numbers, and no verb among its lower-case words.
LIST_NUMBER_RE = re.compile(r"\d[\d,.]*")
LOWER_VERB_RE = re.compile(r"(?<![\w-])[a-z]+(?:ed|ing)\b")


def _price_list(bare: str, words: list[str]) -> bool:
    numbers = len(LIST_NUMBER_RE.findall(bare))
    return (
        numbers >= 8
        and numbers >= 0.15 * len(words)
        and not (PROSE_VERB_RE.search(bare) or LIST_VERB_RE.search(bare))
        and not (LOWER_VERB_RE.search(bare) or RESULT_RE.search(bare))  # "beat … 6-4, 6-4"
    )


def _has_verb(text: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|had|will|\w+ed)\b", text))


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
