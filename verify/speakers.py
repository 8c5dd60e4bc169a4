"""Who asserts a sentence: "X said …", "… , said X", "“…,” X said", "according to X",
"X told reporters", "X says". Titles stay with names; fragments ("At the", "He is") never pass
as speakers. Pure; context across sentences (pronouns, quotes) lives in `attribution.py`.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from verify import languages, numerals, prefilter

# Speech in the progressive: "The Democrats are alleging that …", "officials have been saying".
PROGRESSIVE = (
    r"(?:is|are|was|were|has been|have been|had been) (?:(?:still|also|now|again|already) )?"
    r"(?:saying|claiming|alleging|arguing|insisting|warning|reporting|urging|suggesting|telling|"
    r"accusing|denying|predicting|confirming|announcing|stating|acknowledging|admitting|"
    r"asserting|maintaining|contending|"
    # "Chandler is revealing (that) she was born a boy" (not "revealing photos")
    r"revealing(?=\s+(?:that|how|she|he|they|it|the\s+\w+\s+(?:was|were|is|had))\b)|"
    # "Williams is recalling that two helicopters were hit" (not a product recall, not
    # "recalling that day"): a clause after it
    r"(?:recalling|recounting)(?=\s+(?:how\b(?!\s+(?:many|much))|that\s+(?:the|a|an|he|she|they|"
    r"it|his|her|their|two|three|four|five|several|all|both|[A-Z\d]))))|"
    # "…," Jose Millan was quoted (by the BBC) as saying.
    r"(?:is|was) quoted (?:by (?:the |The )?[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3} )?as saying|"
)
SPEECH_VERBS = PROGRESSIVE + (
    "said|says|say|told|tells|tell|stated|states|claimed|claims|claim|reported|reports|report|"
    "are reporting|is reporting|announced|announces|warned|warns|added|adds|noted|notes|"
    "insisted|insists|argued|argues|confirmed|confirms|denied|denies|deny|estimated|estimates|"
    "believes|believe|called|calls|dismissed|dismisses|described|describes|accused|accuses|"
    "alleged|alleges|wrote|writes|written|maintained|maintains|acknowledged|acknowledges|suggested|"
    "suggests|asserted|asserts|declared|declares|explained|explains|rejected|rejects|branded|"
    "brands|labelled|labeled|admitted|admits|assured|assures|cited|cites|predicted|predicts|"
    "revealed|reveals|disclosed|discloses|complained|complain|complains|criticised|criticized|"
    "recognized|recognised|recognizes|recognises|"
    "indicated|indicates|indicate|termed|hinted|hints|charged|charges|credited|credits|"
    "corrected|corrects|"
    "(?:was|were) (?:the )?first to (?:report|reveal|break)|"
    "reads|read|posted|tweeted|urged|urges|admitted|replied|replies|responded|"
    "responds|found|finds|discovered|discovers|concluded|concludes|testified|testifies|confessed|confesses|advised|"
    "advises|continued|continues|shown|shows|show(?=\\s+that\\b)|showed|clarified|clarifies|recommends|recommended|"
    "points out|pointed out|comments|commented|"
    # plural subjects in the present: "Some Pyongyang watchers also suggest that …"
    "suggest|insist|argue|warn|estimate|allege|maintain|acknowledge|confirm|explain|reveal|state|"
    "agreed|agree|shared|bragged|boasted|Tweeted|verified|verifies|contend|contends|contended|"
    "emphasized|emphasised|emphasizes|emphasises|stressed|stresses|recalled|recalls|conceded|"
    "concedes|cautioned|cautions|quipped|quips|sniffed|determined|lamented|laments|joked|jokes|"
    "exclaimed|mentions|mentioned|went on(?=:)|"
    "(?:recounted|recounts)(?=\\s+how\\b(?!\\s+(?:many|much)))|"  # "recounts how he was part of"
    # "a Palace spokesman was keen to point out the fungus is not served to Royals"
    # (not "was quick to add a new striker", "keen to say their vows")
    # ("point out" before a clause: not "was quick to point out the irony")
    "(?:was|were|is|are)\\s+(?:keen|quick|careful|eager|at\\s+pains)\\s+to\\s+(?:point\\s+out"
    "(?=\\s+(?:that\\b|(?:the\\s+|a\\s+|an\\s+)?[\\w-]+(?:\\s+[\\w-]+)?\\s+(?:is|was|are|were|has|had|"
    "would|will|could|can|does|did)\\b))|"
    "(?:stress|say|note|add|insist|emphasi[sz]e)(?=\\s+that\\b))|"
    # "the United Nations spoke of as many as 700 civilians", "X spoke about how the robots learn"
    # (not "spoke about 90 minutes", "spoke about how to cook rice")
    "(?:spoke|speaks)\\s+(?:of(?=\\s+(?:how\\b(?!\\s+(?:many|much|to))|as\\s+many\\s+as|up\\s+to|"
    "more\\s+than|at\\s+least|some\\s+\\d|\\d))|about(?=\\s+how\\b(?!\\s+(?:many|much|to))))|"
    # "The report details that the editor-in-chief already asked …" (a document's verb only:
    # not "New details that surfaced on Friday")
    "(?:(?<=report )|(?<=study )|(?<=lawsuit )|(?<=article )|(?<=document )|(?<=statement )|"
    "(?<=story )|(?<=filing )|(?<=complaint ))"
    "(?:details|detailed)(?=\\s+(?:that|how)\\b(?!\\s+(?:many|much|to)\\b))|"
    # forecasts and readings of a figure: "Munster expects an ASP of $450", "UBS sees …"
    "expects|expect|forecasts|projects|projected|sees|speculated|speculates|implied|implies|"
    "identified|identifies|blamed|blames|"
    # "show" after a record's plural only: "Seoul government statistics show Jong Un is …"
    "(?:(?<=statistics )|(?<=figures )|(?<=data )|(?<=studies )|(?<=polls )|(?<=records ))show|"
    "made clear|makes clear|make clear|made it clear|makes it clear|"
    # Indonesian, for the pages the benchmark holds: "X berkata, “…”"
    "berkata|mengatakan|menandaskan|bersabda|menegaskan|menyatakan|menjelaskan"
)
# Verbs that also have other senses ("Spot gold added 0.1%", "the recipe called for three
# cups", "Patrick Moore, cited in …"): speech only before "that", a colon, a comma or a quote,
# or at the end of the sentence.
WEAK_VERBS = {
    "added", "adds", "noted", "notes", "confirmed", "confirms", "estimated", "estimates",
    "believes", "believe", "suggested", "suggests", "revealed", "reveals", "cited",
    "cites", "called", "calls", "alleged", "alleges", "admitted", "admits", "states",
    "stated", "reports", "report", "disclosed", "discloses", "clarified", "clarifies",
    "predicted", "predicts", "maintained", "maintains", "declared", "declares",
    "found", "finds", "concluded", "concludes", "replied", "replies", "responded", "responds",
    "continued", "continues", "shown", "shows", "show", "showed", "read", "discovered",
    "discovers", "suggest", "estimate", "allege", "maintain", "confirm", "comments", "commented",
    "reveal", "indicated", "indicates", "indicate", "hinted", "hints", "charged", "charges",
    "state", "agreed", "agree", "shared", "bragged", "boasted", "verified", "verifies",
    "contend", "contends", "contended", "emphasized", "emphasised", "emphasizes", "emphasises",
    "stressed", "stresses", "recalled", "recalls", "cautioned", "cautions", "determined",
    "expects", "expect", "forecasts", "projects", "projected", "sees", "speculated",
    "speculates", "implied", "implies", "identified", "identifies", "blamed",
    "blames",
}  # fmt: skip
# Verbs that report speech only before "that" or "by saying": "An autopsy found that …", "her
# office replied by saying …" (not "police found a knife", "replied to the letter").
THAT_ONLY_VERBS = {
    "found", "finds", "concluded", "concludes", "replied", "replies", "responded", "responds",
    "continued", "continues", "shown", "shows", "show", "showed", "discovered", "discovers",
    "determined", "indicated", "indicates", "indicate", "charged", "charges", "recognized",
    "recognised", "recognizes", "recognises", "mentions", "mentioned",
}  # fmt: skip
FINDING_VERBS = {
    "found", "finds", "shown", "shows", "show", "showed", "discovered", "discovers", "indicated",
    "indicates", "indicate",
}  # fmt: skip
# "reported hearing gunfire", "admitted to threatening the girl"
SPEECH_OBJECT_RE = re.compile(
    r"\s*(?:that\b|how\b(?!\s+(?:many|much|long|often|far))|[,:“\"]|$|\w+ing\b|to\s+\w+ing\b)"
)
# A clause after the verb (a subject, then an auxiliary within a few words) makes a weak verb
# speech: "He noted early sexual activity can lead to …", not "Spot gold added 0.1%".
CLAUSE_OBJECT_RE = re.compile(
    r"\s+(?!(?:which|that|who)\b)(?:[\w'’,-]+\s+){1,8}?(?:is|are|was|were|has|have|had|can|could|"
    r"will|would|may|might|must)\b"
)
# Forecasts and estimates of a figure: "Wall Street predicted $2.52 a share."
FIGURE_OBJECT_RE = re.compile(r"\s+(?:about\s+|around\s+|some\s+)?[$€£]?\d")
FIGURE_VERBS = {"predicted", "predicts", "estimated", "estimates"}
# A forecast's figure named by what it measures: "Munster expects an ASP of $450", "UBS sees
# the stock at $180", "The company expects revenue of $5 billion" (not "The city sees 10,000
# visitors a year", "The couple expects 200 guests").
MEASURE_OBJECT_RE = re.compile(
    r"\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){1,3}(?:of|at)\s+"
    r"(?:about\s+|around\s+|some\s+|roughly\s+)?[$€£]?\d"
)
FORECAST_VERBS = {"expects", "expect", "forecasts", "projects", "projected", "sees"}
# A forecast of something to come: "Munster expects Apple to reveal …" (not "the one you would
# expect to find"; nor "vowed to": "they took over … and vowed to keep up the pressure").
TO_OBJECT_VERBS = {"expects"}
TO_OBJECT_RE = re.compile(
    r"\s+(?:(?!that\b|according\b)[\w'’$.,-]+\s+){0,6}?(?<!according )to\s+[a-z]{2,}"
)
# Naming someone and blaming: "The Sunday Times identified Bary as a member …", "Mladenov blamed
# the deaths on the extremist group".
ROLE_OBJECT_RE = {
    verb: re.compile(
        r"\s+(?:him|her|them|it|(?:the|a|an|two|three|his|their|its)\s+\w+|[A-Z][\w’'-]*"
        r"|[A-Za-z][\w-]*[’']s\s+\w+)(?:\s+[\w’'-]+){0,5}?"  # "identified al-Baghdadi's wives as"
        rf"\s+{word}\s+\S"
    )
    for verbs, word in ((("identified", "identifies"), "as"), (("blamed", "blames"), "on"))
    for verb in verbs
}
# The verbs of round twenty-seven, each with only the objects above (or "that"): no clause
# read across a comma ("Mr Smith, who expects to retire, said …"), no "housing projects in".
OBJECT_VERBS = FORECAST_VERBS | set(ROLE_OBJECT_RE)
# Verbs whose object is no claim of its own ("expects an ASP of $450", "estimated a loss of
# $2 billion"): unless "that" follows, the whole sentence stays the claim.
OBJECT_IS_CLAIM_VERBS = OBJECT_VERBS | {"predicted", "predicts", "estimated", "estimates"}
# A verb of these inside a relative clause is not the sentence's: "Mr Jones, who blamed the
# crash on the weather, said the road was safe."
RELATIVE_SKIPPED_VERBS = OBJECT_VERBS | {
    "mentions",
    "mentioned",
    "implied",
    "implies",
    "speculated",
}
RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which)(?:\s+\w+ly|\s+also)?\s*$")
# Verbs by which a subject speaks in its own right: "The Lebanese army says it has detained
# …, the BBC reported" is the army's claim, which the BBC relays.
SPEAKING_VERBS = {
    "said", "says", "say", "told", "tells", "tell", "claimed", "claims", "claim", "announced",
    "announces", "stated", "states", "insisted", "insists", "denied", "denies", "deny", "warned",
    "warns", "wrote", "writes", "determined", "argued", "argues", "accused", "accuses",
    "berkata", "mengatakan", "bersabda", "menegaskan", "menyatakan",
}  # fmt: skip
# Verbs whose object is the assertion itself ("called the footage fake news"): the whole
# sentence stays the claim text instead of what follows the verb.
FRAMING_VERBS = {
    "called", "calls", "dismissed", "dismisses", "described", "describes", "accused", "accuses",
    "denied", "denies", "deny", "rejected", "rejects", "branded", "brands", "labelled",
    "labeled", "cited", "cites", "criticised", "criticized", "complained", "complain",
    "complains", "recommends", "recommended", "termed", "credited", "credits", "corrected",
    "corrects",
}  # fmt: skip
ADVERBS = (
    r"(?:(?:has|had|have|also|previously|earlier|later|again|then|first|recently|ultimately|"
    r"consistently|repeatedly|twice|once|publicly|separately|always|never|long|still|now|"
    r"already|reportedly|allegedly|initially|originally|openly|privately|flatly|strongly|firmly|"
    r"categorically|vehemently|emphatically|widely|often|frequently|subsequently|immediately|"
    r"further|flat-out|quickly|swiftly|angrily|bluntly|simply|specifically|explicitly|formally|"
    r"officially|personally|directly|sharply|forcefully|only|just|even|finally|quietly|since"
    # any other adverb in -ly ("accurately predicted"), not a noun that ends so ("the family said")
    r"|(?!(?:family|ally|rally|assembly|supply|daily|weekly|monthly|quarterly|fly|reply|only|"
    r"early|belly|bully|italy|july|holly|sally|kelly|emily|molly|polly|lily|billy)\b)"
    r"[a-z]{3,}ly)\s+)*"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WHEN = (
    r"(?:\s+(?:on|late on|early on|in|at|last|this|earlier|later|in a|in an)\s+[^,\"“”]{1,60}?"
    rf"(?=\s+(?:that\b|,|:)|:)|\s+(?:on\s+)?(?:{WEEKDAYS}|yesterday|today|tonight)\b)?"
)
# A posting verb before "by" is a participle: "The short film posted by Josh Paler Lin shows …"
# is the film, not its speech ("As reported by the Daily Star, …" names its source, and is
# read as such).
NOT_PASSIVE = (
    r"(?!(?:(?<=posted)|(?<=shared)|(?<=written)|(?<=tweeted))\s+by\b"
    r"(?!\s+(?:mistake|accident|error|way|e-?mail|phone|text|video)\b))"  # "tweeted by mistake"
)
VERB_AT_RE = re.compile(
    # "Recent governments have, however, recognized that …": an aside between commas
    rf"\s+{ADVERBS}(?:(?:has|had|have),\s*(?:however|though|also|too|in fact|of course|"
    rf"meanwhile),\s+)?(?P<verb>{SPEECH_VERBS})\b{NOT_PASSIVE}"
    # "stated bluntly Tuesday, …": an adverb before the day
    rf"(?:\s+[a-z]{{3,}}ly(?=\s+(?:on\s+)?(?:{WEEKDAYS}|yesterday|today)\b\s*(?:[,:\"“]|that\b)))?"
    rf"(?P<object>(?:(?<=told)|(?<=tells))\s+(?:reporters|lawmakers|journalists|the paper|Reuters|"
    r"(?:the |local |state )?(?:media|press)|"
    r"the (?:court|jury|inquest|hearing|tribunal|committee|panel|crowd|audience)|"
    rf"(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){{0,3}}(?: media)?|[a-z]+ (?:reporters|officials))"
    # "confirmed to Bloomberg that": the outlet carries the words
    rf"|\s+to\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){{0,3}}(?:\s+media)?"
    rf"(?=\s+that\b|\s*[,:]|\s+(?:earlier|later|last|this|on|in)\s[^,\"“”]{{1,40}}?\s+that\b))?"
    rf"{WHEN}(?:\s+by\s+saying\b)?(?:\s+that\b)?\s*[,:]?\s*",
)
AS_REPORTS_RE = re.compile(
    r"^(?i:as) (?P<who>[^,]{2,80}?) (?P<verb>reports|reported|writes|wrote|notes|noted|says|said|"
    # (only before the comma: not "As the committee observed a minute's silence, …")
    r"(?:warned|warns|observed|observes|argued|argues)(?=\s*,)|"
    r"points out|pointed out|explains|explained|puts it|put it)\b"
    r"[^,]*,\s*(?P<rest>.+)$",
    re.DOTALL,
)
SAYING_RE = re.compile(
    # "Apple responded to reports by saying it only received nine complaints"
    r"^(?P<clause>[^\"“”]{4,160}?)(?:,\s+(?:(?:only|also|later)\s+)?|\s+(?P<by>by)\s+)"
    r"(?P<verb>saying|adding|arguing|"
    r"noting|claiming|insisting|warning|explaining|pointing out|stressing|stating|asserting|"
    r"acknowledging|revealing|confirming|alleging|maintaining|"
    # "…, telling Vocativ, “There is no way …”", "…, writing, “Sometimes …”"
    # (not "telling the driver to get out", "writing, painting and travelling")
    r"telling\s+[^,:\"“”]{2,60}?(?=\s+that\b|:|,\s*[\"“‘'])|writing(?=:|,\s*[\"“‘']))[,:]?\s+"
    r"(?:that\s+)?(?P<rest>.+)$",
    re.DOTALL,
)
# (a clause after it, and no scene: not "with Anna saying goodbye", "The film ends with Tom
# saying …", "with Jones adding a late equaliser")
WITH_SAYING_RE = re.compile(
    r"(?<!\bends )(?<!\bended )(?<!\bopens )(?<!\bopened )(?<!\bbegins )(?<!\bbegan )"
    r"(?<!\bstarts )(?<!\bcloses )\bwith\s+(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
    r"(?:saying|claiming|insisting|noting|stressing|confirming)\s+"
    r"(?:that\s+)?(?P<rest>(?:he|she|they|it|we|I|the|there|[A-Z])\b.+)$",
    re.DOTALL,
)
# What the subject did to say it: "Gillian Rosenberg has updated her Facebook page to say that …",
# "took to Twitter to say that" (not "It is too early to say that", "is expected to announce
# that").
TO_SAY_RE = re.compile(
    r"^(?P<clause>[^\"“”,]{4,120}?\b(?:updated|used|took to|posted|published|issued|released|"
    r"wrote|changed|edited|went on)\b[^\"“”,]{0,60}?)\s+to\s+(?:say|announce)\s+that\b,?\s*"
    r"(?P<rest>[^\"“”].+)$",
    re.DOTALL,
)
# A refusal says nothing: "The ministry has refused to say that …", "never went on air to say".
REFUSAL_RE = re.compile(
    r"\b(?:refus|declin|not\b|never\b|unable|fail|won[’']t|cannot|only\b)|n[’']t\b"
)
BY_SAYING_VERBS = {"saying", "stating", "claiming", "insisting", "pointing out", "adding", "noting"}
NAME_IN_CLAUSE_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][a-z]+(?:[- ][A-Z][\w'’-]+)+"
)  # "Afghan President Ashraf Ghani" inside "When Afghan President Ashraf Ghani first …"
# A verb right after a quote is written in lower case: "State Department spokeswoman Jen Psaki"
# opens with a name ("State"), not the verb "state".
VERB_FIRST_RE = re.compile(rf"(?:{SPEECH_VERBS})\s")
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
# When, after a speaker: "said Amnesty International on Tuesday, November 19", "on 15 November".
TIME_TAIL_RE = re.compile(
    rf"(?<!\bMail)(?<!\bIndependent)\s+(?:in|on|at|last|this|earlier|late)\s+(?:(?:{WEEKDAYS}),?\s*)?"
    rf"(?:(?:{MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?|"
    r"week|month|year|(?:(?<=this )|(?<=day ))(?:morning|afternoon|evening|night)|\d{4}|"
    r"(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)(?=$))?$"  # "on Feb" cut at its dot
    rf"|(?<!\bon)\s+(?:{WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?$"
)  # not "The Mail on Sunday"
RECENT_TIME_RE = re.compile(
    r"(?i)(?:(?:indeed|and|but|yet|also)\s+)?(?:in|over|during|for|within)\s+"
    r"(?:recent|the past|the last|the coming|the next)\s+(?:few\s+)?\w+"
)
# Words of a date, left out when looking for a name in a leading phrase ("In September, …").
TIME_WORDS_RE = re.compile(rf"\b(?:{WEEKDAYS}|{MONTHS}|In|On|At|By|Last|This|Earlier|Later)\b")
# How the words reached the outlet, after a speaker: "said a WeWork spokesperson when contacted
# by Reuters", "when asked about the report", "in response to questions from the BBC".
CONTACT_TAIL_RE = re.compile(
    r"\s+(?:(?:when|after being|after|once)\s+(?:contacted|asked|reached|approached|questioned|"
    r"interviewed|pressed)|in response to|responding to|in reply to)\b.*$",
    re.DOTALL,
)
# Who carries a relay, before the relayed source: "Quoting two Kurdish fighters, Israel Radio
# reported …": the innermost named asserter speaks.
LEADING_RELAY_RE = re.compile(r"^(?:quoting|citing)\s+(?P<who>[^,]{3,80}),\s+", re.IGNORECASE)
# A time phrase before the subject: "A year ago, NASA announced", "Later that evening, he".
LEADING_TIME_RE = re.compile(
    rf"^(?P<lead>[^,]{{0,40}}\b(?:ago|later|earlier|last|next|yesterday|today|tonight|morning|"
    rf"afternoon|evening|night|week|month|year|{WEEKDAYS}|{MONTHS}|\d{{4}})\b[^,]{{0,20}}),\s+"
    r"(?P<who>.+)$",
    re.DOTALL,
)
# A source behind the document an "according to" names: "credible reports received by
# Amnesty", "data from MarketAxess", "a study by the CDC".
DOCUMENT_OF_RE = re.compile(
    r"\b(?:reports?|data|figures|statistics|documents?|estimates?|records?|study|survey|analysis|"
    r"statement|findings|numbers|tally|count)\s+(?:[a-z0-9][\w,’'-]*\s+){0,5}?"
    r"(?:by|from|of|received by|compiled by|published by|released by|gathered by)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z0-9][\w’'&.-]*)*)\s*$"
)
# What confirmed a source's account is not part of its name: "eyewitness accounts corroborated
# by video footage".
CONFIRMED_BY_RE = re.compile(
    r"\s+(?:corroborated|confirmed|verified|backed|supported|seen|obtained|reviewed|cited|quoted)"
    r"\s+by\b.*$",
    re.DOTALL,
)
# Possessive speakers: "his doctors say", "her lawyer said", "their spokesman".
POSSESSIVE_SPEAKER_RE = re.compile(
    r"^(?:his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}(?:doctors?|physicians?|lawyers?|attorneys?|"
    r"spokes(?:man|woman|person)|family|parents|mother|father|wife|husband|sons?|daughters?|"
    r"brothers?|sisters?|friends?|relatives|office|campaign|team|aides?|colleagues?|"
    r"representatives?|reps?|agents?|publicists?|managers?|coach|neighbou?rs?|employer|company|"
    r"peers|staff|spokespeople|"
    r"administration|government|ministry|party|supporters|critics|lawyers|owners?|"
    # an account or a paper of the person's own: "according to her Facebook", "his Wikipedia"
    r"(?-i:Facebook|Twitter|Instagram|LinkedIn|Wikipedia)(?:\s+(?:page|profile|account))?|"
    r"(?:local\s+)?(?:paper|newspaper)|blog|website)"
    r"(?-i:\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})?$",  # "his mother Susan Bibeau"
    re.IGNORECASE,
)
QUOTE_ENDS, QUOTE_OPENS = " \"”’'", "“\"‘'"  # around a quote resumed after its tag
QUOTE_THEN_WHO_RE = re.compile(
    # (a comma left out before a pronoun's tag: `… until I die" he told reporters`)
    rf"^(?P<rest>.*[,?!…][\"”’']{{1,2}}|.*[\"”’][,?!]|.*\S\s+”"
    r"|[\"“].*\w[\"”](?=\s+(?:he|she|they)\s+(?:said|says|told|tells|added|adds|wrote)\b))\s*"
    # a determiner takes its noun, though the noun is also a verb: "the report said"
    r"(?P<who>(?:(?:the|a|an|this|that|its|his|her|their)\s+)?"
    rf"[^\"“”]{{2,200}}?)\s+{ADVERBS}"
    rf"(?P<verb>{SPEECH_VERBS})\b(?P<tail>[^\"“”]*?(?:,\s+(?:which|who|adding|saying|noting|"
    r"including|recalling|referring|citing|describing|explaining|but|and)\b.*"
    # the quote resumed after its tag: "“I was there,” he said, “they didn’t follow him.”"
    r"|,\s*(?P<resumed>[“\"‘'](?=[A-Za-z])[^“”\"]*(?:[”\"’'][.!?]?)?\s*$))?)$",
    re.DOTALL,
)
QUOTE_THEN_VERB_RE = re.compile(
    rf"^(?P<rest>.*[,?!…][\"”’']|.*[\"”’][,?!])\s*(?P<verb>{SPEECH_VERBS})\s+"
    r"(?P<who>[^\"“”]{2,160}?)"
    # a clause after the speaker may quote too: "…, said John Kirby, describing it as a “major …”"
    # and where: "…," wrote Martin Taylor of Aberdeenshire, Scotland, in a case study published …'
    r"(?:,\s+(?:who|whose|describing|calling|adding|noting|referring|citing|"
    r"in\s+(?:a|an|the|his|her))\b"
    r".*|,\s*(?P<resumed>[“\"‘'](?=[A-Za-z])[^“”\"]*(?:[”\"’'][.!?]?)?\s*$))?\s*[.!]?$",
    re.DOTALL,
)
QUOTED_AS_SAYING_RE = re.compile(
    r"\b(?:quoted|quotes|quoting)\s+(?P<who>[^,\"“”]{2,100}?)"
    # "The Post quoted friends of Emwazi, who spoke on condition of anonymity, as saying"
    r"(?:,\s+who\s+[^,\"“”]{2,80},)?\s+as\s+(?:saying|telling\s+\S+)"
    r"[,:]?\s+(?:that\s+)?"
)
# The same tag after the quote: '"…," the Sunday Times quoted a police source as saying.'
QUOTE_THEN_QUOTED_RE = re.compile(
    r"^(?P<rest>[\"“‘'].*[,?!…][\"”’']{1,2})\s*[^\"“”]{2,80}?\s+(?:quoted|quotes)\s+"
    r"(?P<who>[^\"“”]{2,160}?)(?:,\s+who\s+[^,\"“”]{2,80},)?\s+as\s+saying\s*[.!]?$",
    re.DOTALL,
)
# A speech tag set off by commas inside the sentence: "Bratton, the sources noted, did not …".
SPEECH_ASIDE_RE = re.compile(
    r"^(?P<head>[^,\"“”]{2,120}),\s+(?P<who>[^,\"“”]{2,60}?)\s+"
    r"(?:(?:later|also|previously|earlier|privately|publicly|have|has|had)\s+)?(?:said|says|noted|notes|added|"
    r"adds|believes|believe|argued|argues|claimed|claims|insisted|insists|explained|reported|"
    r"told\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}|told\s+reporters),\s+"
    r"(?P<tail>[a-z].+)$",
    re.DOTALL,
)
TRAILING_TAG = (
    rf"[,;]\s*(?P<who>[^,\"“”]{{2,120}}?)"
    # "…, the governor of the region, Abdiqadir Mohamed Nor, said."
    r"(?:,(?=\s+(?:said|says|told|added)\b))?"
    # (not a possessive: "the communist state's founder")
    rf"\s+{ADVERBS}(?P<verb>{SPEECH_VERBS})\b(?![’']s\b)(?P<tail>[^\"“”]{{0,80}})$"
)
TRAILING_RE = re.compile(rf"^(?P<rest>.+?){TRAILING_TAG}", re.DOTALL)
# The last comma's tag, when the first one's tail runs on past a comma: "…, who left … and once
# posted a Twitter photo of himself holding a severed head, The Sunday Times reported."
LAST_TRAILING_RE = re.compile(rf"^(?P<rest>.+){TRAILING_TAG}", re.DOTALL)
INVERTED_RE = re.compile(
    # (a dash as the comma: "I ladle even clings to the nose - added classmate X")
    r"^(?P<rest>.+?)(?:[,;]|\s[-–—])\s*(?P<verb>said|says|reports|reported|writes|wrote|adds|added|"
    r"explained|noted|confirms|confirmed)\s+"
    # "said the Pentagon", "says the BBC's Dominic Casciani": a name after "the"
    r"(?P<who>(?:the\s+(?=[A-Z]))?(?:(?!(?:a|an|the|that|this)\s)[a-z][\w-]*\s+){0,3}"
    r"[A-Z\"“][^\"“”]{1,160}?[\"”]?)"
    r"\s*[.!]?$",
    re.DOTALL,
)
# A described speaker after the verb: "…, said the source, whose information could not be …".
DESCRIBED_AFTER_RE = re.compile(
    r"^(?P<rest>.+?)[,;]\s*(?P<verb>said|says|added|told)\s+"
    r"(?P<who>(?:the|a|an|(?<!told )(?:another|one))\s+[a-z][^\"“”]{1,160}?"
    r"|(?<=said )(?:a|an)\s+[A-Z][^\"“”]{1,160}?)"
    r"\s*[.!]?$",  # "said a Lebanese military official."; "told the AP" names the listener
    re.DOTALL,
)
# Titles shortened with a full stop inside a name: "Rear Adm. John Kirby", "Dr. Smith".
TITLES_SHORT = (
    "Adm", "Gen", "Col", "Sgt", "Maj", "Rep", "Sen", "Gov", "Det", "Dr", "Lt", "Prof", "Mr", "Mrs",
    "Ms", "Rev", "Capt", "Supt", "Insp", "Cmdr",
)  # fmt: skip
AFTER_TITLE = "(?:" + "|".join(rf"(?<=\b{t})" for t in TITLES_SHORT) + ")"
NOT_AFTER_TITLE = "".join(rf"(?<!\b{t})" for t in TITLES_SHORT)
# A middle initial's full stop ("according to … Harry G. Levine, a sociology professor") or an
# abbreviation's inside a name ("according to the U.S. Army").
MIDDLE_INITIAL = (
    r"(?-i:(?<=\s[A-Z])\.(?=\s[A-Z][a-z])|(?<=\b[A-Z])\.(?=[A-Z]\.)"
    r"|(?<=\b[A-Z]\.[A-Z])\.(?=\s\w))"
)
ACCORDING_RE = re.compile(
    r"(?:,\s*)?\b(?:according to|in the words of|per(?= the |(?-i:[A-Z]))) "
    r"(?P<who>(?:the |a |an )?(?:[^,.;:—]|(?<=\d)[,.](?=\d)|(?<=\w)\.(?=[a-z]{2,4}\b)"
    # a title's abbreviation goes on: "according to Pentagon spokesman Rear Adm. John Kirby"
    rf"|{AFTER_TITLE}\.(?=\s[A-Z])|{MIDDLE_INITIAL}){{2,120}}?)"
    rf"(?=\s*(?:[;:—]|,(?!\d)|{NOT_AFTER_TITLE}(?!{MIDDLE_INITIAL})\.(?![\da-z]))|\s[-–]\s|$)",
    # a spaced hyphen is a dash: "according to the UN - then left to Iraq"
    re.IGNORECASE,
)
# "According to media reports": nobody named (also not "reports" said).
UNNAMED_REPORTS_RE = re.compile(
    r"(?i)(?:(?:some|several|many|local|media|news|press|earlier|other)\s+)+reports?"
)
POSTED_BY_RE = re.compile(
    r"^(?:Posted|Published|Shared|Written|Released|Tweeted)\s+(?:[^,]{0,60}?\s)?by\s+"
    r"(?P<who>[^,]{2,80}),\s+(?P<rest>.+)$",
    re.DOTALL,
)
# An interview names no source of its own: the person who speaks in it is one.
INTERVIEW_RE = re.compile(
    r"(?i)(?:an?|the|his|her|their)\s+(?:\w+\s+)?(?:interview|conversation)\b"
)
LEADING_ACCORDING_RE = re.compile(r"^According to (?P<who>[^,;:\"“”]{2,80}),\s+")
# What may stand before a sentence's subject: a caption's label ("Stoic: He managed …") and a
# phrase of time or circumstance ("Following a minute of silence, Harper embraced …").
OPENING_PHRASE_RE = re.compile(
    r"^(?:[A-Z][a-z]+:\s+)?(?:(?:(?:Immediately|Shortly|Soon|Just|Hours|Days|Weeks)\s+(?:after|before)"
    r"|After|Before|Following|During|Despite|Upon|On|In|At|With)\b"
    r"[^,\"“”]{0,60},\s+)?"
)
# A source that puts out a statement: "Big Machine Records issued a statement that …", "The
# Pentagon released a statement saying …"; what follows "saying" is the assertion.
ISSUED_RE = re.compile(
    rf"^(?P<who>[^,\"“”]{{2,120}}?(?:,\s+(?:who|which|an?)\b[^,\"“”]{{2,120}},)?)\s+{ADVERBS}"
    r"(?:issued|released|put out|posted|published|shared)"
    r"\s+(?:a|an|its)\s+(?:[\w-]+\s+){0,2}?(?:statement|press release|release|"
    # "The FBI and Homeland Security Department issued a bulletin to local law enforcement"
    r"(?<=issued a )(?:bulletin|advisory|memo|alert)(?=[^.;]*?\b(?:saying|stating)\b)|"
    # "published an article claiming that …", "… a lengthy article naming the masked man"
    r"(?:report|story)(?=,?\s+(?:saying|stating|explaining|claiming|showing|finding|that)\b)|"
    # (not "an article that nobody read", "an article showing off her garden")
    r"article(?=,?\s+(?:saying|stating|claiming|naming|alleging|(?:titled|headlined)\s+[\"“][^\"“”]+"
    r"[\"”],?\s+(?:that|which)\s+(?:suggests|claims|says|alleges|reports)\b)))\b"
    r"(?:\s+(?:on|late on|early on)\s+\w+)?(?P<tail>.*)$",
    re.DOTALL,
)
# A described source with a restrictive relative clause: "A spokesperson who did not wish to
# be named because of agency policy said …".
# "A spokesperson who did not wish to be named", "Hostages who have survived …"
RESTRICTIVE_WHO_RE = re.compile(
    r"^(?P<who>(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?|(?-i:[A-Z][a-z]+s))\s+who\s+\S", re.I
)
# Where the words appeared, after a comma: "said Navkiran, in a report in the Daily Mail".
WHERE_AFTER_RE = re.compile(
    r",\s+(?:in|on|to)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:report|interview|statement|article|post|video|letter|tweet)\b.*$",
    re.DOTALL,
)
# A clause after a speaker named last: "…, said Hatchfield, because she did not want to …".
REASON_AFTER_RE = re.compile(
    r",\s+(?:because|since|although|though|while|whereas|when|after|before|as|but|adding|"
    r"noting|saying)\s.*$",
    re.DOTALL,
)
# The outlet relaying a speaker, after them: "…,” declared Sheikh Mohammed Saleh al-Munajjid,
# Reuters reported."
RELAY_TAIL_RE = re.compile(
    r",\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}\s+(?:reported|reports|said|says)$"
)
# Documents that find or show what they state: "The study found the spacecraft mass could …".
DOCUMENT_PARTICIPLES = "(?:filed|listed|lodged|seen|obtained|released|published|kept)"
DOCUMENT_SUBJECT_RE = re.compile(
    r"\b(?:study|studies|report|survey|research|analysis|poll|data|review|audit|investigation|"
    r"findings|paper|figures|statistics|autopsy|autopsies|tests?|examination|records|receipts|"
    r"documents|filings|transcripts)"
    # "Records filed with Seminole County court", "Shipping receipts seen by Daily Mail.com"
    # (not "The rise in positive tests at clinics")
    rf"(?:\s+(?:{DOCUMENT_PARTICIPLES}\s+"
    r"(?:into|on|of|by|from|with|in|at)|into|on|of|by|from|with)\s+[\w\s’'.-]{1,60})?$",
    re.I,
)
DESCRIPTION_RE = re.compile(
    r"(?:an?\s+\S|the\s+(?:[a-z]|[A-Z]{2,}\b)|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s\s+[a-z]|of\s+(?:the\s+)?[A-Z])"
)  # "a London-based think tank", "South Korea’s largest newspaper", "of the Astronomy Center"
# A title without an article opening an apposition: "Christine Gutleben, senior director of …".
TITLE_START_RE = re.compile(
    r"(?:senior|chief|deputy|executive|managing|vice|assistant|associate|former|acting|general|"
    r"press|lead|head|director|spokes(?:man|woman|person)|professor|president|chairman|chair|"
    r"founder|co-founder|editor|manager|secretary|minister|ambassador|analyst|researcher|"
    r"lecturer|fellow|partner|owner|leader|member|commander|coordinator|officer|adviser|"
    r"advisor|attorney|lawyer|author|co-author)\b"
)
CARRIED_BY_RE = re.compile(
    r"\s+who\s+(?:later\s+|also\s+)?(?:spoke|talked|told|wrote)\b(?:\s+later)?"
    r"\s+(?:with|to)?\s*(?:the\s+)?[A-Z].*$"
)
# An adverb alone, not a name that ends like one ("Kelly", "Emily"): "Obviously", "Exactly".
ADVERB_ALONE = (
    r"[A-Z][a-z]{2,}(?:al|ous|ate|ent|ant|ive|ful|act|ect|ible|able|ic|ed|ing)ly"
    r"|Often|Sometimes|Once|Later|Soon|Always|Never"  # "Often called bird fancier's asthma"
)
SPEECH_PARTICIPLE = (
    r"(?:claiming|saying|adding|noting|arguing|insisting|alleging|suggesting|warning|stating|"
    r"explaining)\s"
)
# A survey's share is what was found, not a source: "Among respondents …, 37 percent said".
SHARE_RE = re.compile(r"(?:\d[\d,.]*\s*(?:%|percent\b|per cent\b)|\d[\d,.]*\s+of\b)", re.I)
# A participle clause before the speaker: "Detailing the results in a note …, analyst X".
PARTICIPLE_LEAD_RE = re.compile(r"^[A-Za-z][a-z]+ing\s+[a-z].*,")  # "Posting photos of …, X"
# How the outlet reached the speaker, before them: "Reached for comment by …, a spokesman".
CONTACTED_LEAD_RE = re.compile(
    r"^(?:Reached|Contacted|Asked|Interviewed|Questioned|Pressed|Approached)\b[^,]*,"
)
LEADING_FILLER_RE = re.compile(
    r"^(?:\[?\s*(?:update|updated|edit|editor['’]s note)\s*:\s*"  # "[UPDATE: ESPN publicist …"
    r"|(?:but|and|yet|so|then|now|however|meanwhile|separately|also|still|instead|"
    r"additionally|moreover|furthermore|likewise|similarly|nonetheless|nevertheless|even so|"
    r"in addition|in response|on \w+day|late on \w+day|earlier|later|"
    # "In a statement provided to Bloomberg View, the embassy's information director said"
    r"in a statement(?: (?:provided|sent|given|issued|e-?mailed|released) to [^,]{2,60})?|"
    r"(?:last|this|next|earlier this|late last) (?:week|month|year|\w+day)|"
    # stance adverbs and a month or year opening the sentence: "Apparently, an eyewitness named
    # Taugan Tan Kadalim claims …", "In August 2014 Taylor says she met …"
    r"apparently|reportedly|allegedly|interestingly|ironically|indeed|in fact|notably|"
    # "At the time civil defense services said …", "In July, for example, members of … told"
    r"at the time|at that time|for example|for instance|by then|in the meantime|"
    r"(?:in|by) (?:(?-i:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)(?: \d{4})?|\d{4})|" + numerals.TIME_STAMP + r")\s*,?\s+)+",
    # a live blog's time stamp: "11.22 The Independent newspaper reported …"
    re.IGNORECASE,
)
CLAUSE_BREAKS = (
    "after|before|when|while|because|since|until|than|from|by|and|but|as|though|although|whereas|"
    "where|however"
)
PRONOUN_TAIL_RE = re.compile(r",\s*(?:he|she|they|we|I|it)$")
SUBORDINATORS = {"when", "after", "as", "while", "before", "since", "although", "though", "once"}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
NOT_SPEAKER_START = {
    "at", "in", "on", "when", "while", "if", "as", "after", "before", "because", "since",
    "although", "though", "this", "that", "these", "those", "there", "which", "what", "who",
    "where", "how", "why", "here", "to", "for", "with", "from", "by", "of", "into", "than",
    "whether", "even", "so", "many", "much", "more", "most", "all", "some", "any", "no",
    "not", "its", "his", "her", "their", "our", "your", "my", "i", "you", "we", "during",
    "despite", "amid", "following", "under", "shortly", "later", "earlier", "whatever",
    "however", "whoever", "unlike", "besides", "regardless", "without", "unless", "upon",
    "whereas", "once", "aside", "apart", "prior", "beyond",
}  # fmt: skip
FINITE_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|would|could|do|does|did|not|"
    r"n't|might|should|shall|said|says|reported|according|"
    r"(?-i:will|can|may|must))\b",  # in lower case only: "Theresa May", "Will Smith", "Can Dundar"
    re.IGNORECASE,
)
IRREGULAR_PASTS = {
    "took", "made", "came", "went", "gave", "got", "saw", "found", "held", "kept", "began",
    "brought", "bought", "sent", "spent", "built", "paid", "said", "told", "wrote", "drew",
    "won", "lost", "left", "led", "met", "ran", "rose", "fell", "grew", "knew", "put", "set",
    "became", "sold", "thought", "struck", "broke", "stood", "fought", "flew", "threw", "caught",
    "chose", "drove", "fled", "sought", "sank", "stole", "shook", "laid", "shot",
}  # fmt: skip
# A verb in the words before a speech verb makes them a clause, not a speaker: "Oil fell after
# sources", "Mr Titchmarsh heard tales … from X". The irregular pasts are the list above, one
# list for both, less "said" and "told" (the speech verbs themselves) and "put", "set", "ran"
# and "laid" (never read here), plus "heard".
PAST_IN_HEAD = (IRREGULAR_PASTS - {"said", "told", "ran", "put", "set", "laid"}) | {"heard"}
PAST_VERB_RE = re.compile(
    r"(?<!\bthe )(?<!\ban )(?<!\ba )(?<!\bThe )(?<!\bAn )(?<!\bA )(?<!-)(?<!\bwho )"  # "The armed
    r"(?<!\bAnother )(?<!\banother )"  # men", "consumers who sought help": no verb
    r"\b(?:[a-z]+ed(?! (?:to|with|in|by|on|at)\b)|"
    # verbs that never stand as a participle before a noun: "The attack happened at noon"
    r"(?:happened|occurred|arrived|appeared|died|erupted|exploded|landed|crashed|collapsed|"
    r"surged|stayed|returned|failed|emerged|remained|waited|lived)\b|"
    + "|".join(sorted(PAST_IN_HEAD))
    + r"|comes|goes|originates|wants|needs)\b"
)
# What follows a speaker without being part of their name: "said Wilfried Strauch … in an
# interview on a government TV channel", "An autopsy performed on Aug. 17 … found that".
# Where the words appeared, after a speaker: "CEO Craig Menear in the company’s news release".
MEDIUM_TAIL_RE = re.compile(
    r"\s+(?:in|during|at|on|via)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:interview|statement|press conference|news conference|briefing|email|e-mail|letter|"
    r"speech|tweet|release|note|report|column|post|video|filing|memo|op-ed|podcast)"
    # "… in a statement to Business Insider": the outlet it went to is no part of the name
    r"(?:\s+(?:to|with)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})?$"
)
CIRCUMSTANCE_RE = re.compile(
    r"\s+(?:(?:in|during|at|on|to|via)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:interview|statement|press conference|news conference|briefing|email|e-mail|letter|post|"
    r"speech|call|tweet|video|report|column|release|note|filing|memo|op-ed|podcast)\b|(?:performed|conducted|released|published|"
    r"commissioned|carried out|issued)\s+(?:on|in|by|at|for|last|this|earlier)\b).*$",
    re.DOTALL,
)
SUBORDINATE_START_RE = re.compile(
    r"^(?:even though|though|although|while|whereas|because|since|if)\s+", re.IGNORECASE
)
RELAY_RE = re.compile(r"\s(?:quoting|citing|quotes|quoted|cites|cited)\s+(?P<who>[^,]{3,80})$")
BAD_ENDINGS = {
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "first", "also", "who",
    "that", "which", "it", "this", "is", "was", "be", "for", "with", "by", "as", "his", "her",
    "its", "their", "our", "my", "your", "but", "nor", "yet",
}  # fmt: skip


@dataclass(frozen=True)
class Attribution:
    """Who asserts a sentence, and the assertion without the attribution."""

    who: str | None
    assertion: str
    verb: str | None = None


# What no speaker's name holds, whichever rule found it: a modal verb ("Nevertheless, the U.S.
# will try to have restrictions placed on …"), a clause's verb after a comma ("A group of
# physicians, alarmed that …"); a speech verb left at its end is dropped ("… Council said").
NOT_IN_A_NAME_RE = re.compile(r"\s(?:will|would|can|could|should|must)\s|,\s+alarmed\s+that\b")
SPEECH_VERB_END_RE = re.compile(r"\s+(?:said|says|told)$")


@functools.lru_cache(maxsize=4096)  # pure, and asked again for quoted sentences
def attribute(sentence: str) -> Attribution:
    """Who asserts the sentence ("the Kremlin", "South Korea's spy agency"), and what."""
    found = _attribute(sentence)
    if found.who is None:
        return found
    who = SPEECH_VERB_END_RE.sub("", found.who)
    if NOT_IN_A_NAME_RE.search(who) or not who or _clause(who):
        return Attribution(None, clean_assertion(LEADING_FILLER_RE.sub("", sentence.strip())))
    if who.lower() in ("he", "she", "they") and COLON_TAG_RE.match(found.assertion):
        # "One YouTube user, with the handle ClemtheRanter, said: '…,' he said.": the pronoun
        # stands for the speaker named before the colon, outside the quote
        named = _attribute(found.assertion)
        if named.who and named.who.lower() not in ("he", "she", "they", "i", "we"):
            return named
    return replace(found, who=who) if who != found.who else found


# A clause and a speech verb joined to it: "X declined to comment but said", "X could not confirm
# the deaths and said". Its subject ends at its first verb (`_subject`).
COORDINATED_RE = re.compile(
    r"^(?P<clause>[^\"“”]{4,200}?)(?:,\s*|\s+)(?:and|but)(?:\s+(?:also|later|then|instead))?\s+"
    r"(?P<verb>said|says|added|adds|insisted|insists|noted|notes|stressed|explained|claimed)\s+"
    # not "was born in Lyon and said to have travelled", "… and said nothing"
    r"(?!to\b|nothing\b|little\b|no\s+more\b)(?:that\s+)?(?P<rest>(?<=that )[\"“].+|[^\"“”].+)$",
    re.DOTALL,
)
# A subject inside a relative clause speaks for no one: "A man whom police could not identify
# and said was about 30".
RELATIVE_WORD_RE = re.compile(r"\b(?:whom|which|that|who|whose)\b")
# A phrase or clause before the subject: "In some previous cases where customers have
# documented poor customer service, Comcast has admitted fault and said …".
LEAD_CLAUSE_RE = re.compile(
    r"^(?:In|On|At|After|Before|During|Since|Following|Despite|When|While|As|Although|Though|"
    r"If)\b[^\"“”]{0,120}?,\s+(?=[A-Z])"
)
# A participle's phrase before the clause's subject: "Reached for comment, Apple spokeswoman …".
PARTICIPLE_PHRASE_RE = re.compile(r"^[A-Z][a-z]+(?:ed|ing)\b[^,]{0,60},\s+")


# A speaker named before a colon that opens the quote: "X, with the handle Y, said: '…".
COLON_TAG_RE = re.compile(
    r"^[^'‘\"“”’]{3,150}?\b(?:said|says|added|wrote|writes|explained):\s*['‘\"“]"
)


# A finite verb or an adverb before a verb makes the words a clause, not a name, unless a
# relative clause holds it: "a lot of readers are apt to believe the fictional (reports that
# …)", "the hoax story even drafts in …", not "a source who was at the meeting".
CLAUSE_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|does|did)\b|"
    r"(?<![,—–-] )(?<!\b(?:the|and|The) )(?<!\b(?:a|A) )(?<!\bor )\b(?:even|usually|also|often|"
    r"never|always|still|sometimes|typically|generally|normally)\s+(?:[a-z]+(?:s|ed))\b"
)


ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


PRAYER_RE = re.compile(
    r"the\s+(?:Lord[’']s\s+Prayer|Creed|Rosary|Pledge|Angelus|Our\s+Father|Hail\s+Mary|Kaddish|"
    r"Shahada|Mass|Grace)\b"
)


GIVEN_NAME_VERBS = {"called", "named", "dubbed", "termed", "described"}
# A speaker named after a closing verb: "…, said one person familiar with …".
SPEAKER_AFTER_RE = re.compile(r"\s+(?:one|a|an|the|another|two|three|several)\s+[a-z]")


def _usual_order(rest: str) -> bool:
    """The words before an inverted tag are the subject with its clause or apposition ("David
    Mallie, who manages …, confirmed …"): the verb is the sentence's own, not a tag."""
    head = rest.split(",")[0]
    clause = FINITE_VERBS.search(head) or PAST_VERB_RE.search(head)  # "Rogen will play X, who"
    return bool(RELATIVE_SUBJECT_RE.match(rest) or _apposed(rest)) and not clause


def _said_as_deed(who: str) -> bool:
    """ "…, said the Lord's Prayer and laid a wreath": words said as an act, not a speaker."""
    return who.startswith("the ") and (
        re.search(r"\s(?:and|or|then)\s+[a-z]", who) is not None or PRAYER_RE.match(who) is not None
    )


def _clause(who: str) -> bool:
    head = re.split(r"\b(?:who|whom|whose|which|that|where|when)\b", who)[0]
    # a verb or an adjective last makes the speech verb a noun: "… received (calls of …)",
    # "… appears to discredit earlier (reports naming …)"
    noun_after = head == who and re.search(
        r"(?<!\bthe)(?<!\bThe)\s(?:[a-z]+ed|earlier|recent|latest|new|many|such|these|those)$", who
    )  # not "the accused", "Relatives of the deceased"
    return CLAUSE_VERB_RE.search(head) is not None or bool(noun_after)


def _attribute(sentence: str) -> Attribution:
    # zero-width spaces pasted from a CMS sit between words: "Cyrus Vance\u200b \u200bsaid\u200b"
    body = LEADING_FILLER_RE.sub("", ZERO_WIDTH_RE.sub("", sentence).strip())
    body = re.sub(r"^\(([^()]+)\)\.?$", r"\1", body)  # a sentence wholly in brackets
    body = re.sub(r"^\([^()]{2,40}\)\s+(?=\w)", "", body)  # "(February 23) the guitarist's reps"
    body = PICTURE_ASIDE_RE.sub("", body)  # "Lopa Blumenthal, (at right with anchor X) who says"
    body = UNSPACED_ASIDE_RE.sub(r" — \1 — ", body)  # "Snopes.com—the premier debunker—said"
    body = QUOTED_TITLE_AFTER_RE.sub(r"\1\2", body)  # told X on "CNN Newsroom" on Friday
    body = STRAY_CLOSING_RE.sub(r"\1", body)  # '…,” Edwards said.”': a quote mark left over
    body = re.sub(r"(?<=\d),(?=(?:said|says|told)\b)", ", ", body)  # "Gill Rosenberg, 31,said"
    body = CAPS_WORD_RE.sub(_lower_if_speech, body)  # a headline's "… DENIES congressman's …"
    quoted = re.search(r"[\"”’]|[,?!…]'\s", body) is not None  # 'MailOnline quotes,' said X
    patterns = (
        (QUOTE_THEN_WHO_RE, QUOTE_THEN_VERB_RE, AS_REPORTS_RE) if quoted else (AS_REPORTS_RE,)
    )
    for pattern in patterns:
        match = pattern.match(body)
        if match and VERB_FIRST_RE.match(match.group("who")):
            continue  # `,” wrote Fadem in a Tuesday research report.`: the verb comes first
        apposed = _apposed(match.group("who")) if match and pattern is not AS_REPORTS_RE else None
        who = apposed or (_speaker_in(match.group("who")) if match else None)
        if match and who:
            verb = match.group("verb").lower()
            resumed = match.groupdict().get("resumed")
            rest = match.group("rest")
            said = f"{rest.rstrip(QUOTE_ENDS)} {resumed.lstrip(QUOTE_OPENS)}" if resumed else rest
            return Attribution(clean_who(who), clean_assertion(said), verb)
    colon = COLON_SPEAKER_RE.match(body)  # 'Dan Rayburn, Streaming Media Blog: “Apple’s …'
    if colon and colon.group("name").lower() not in LABELS and is_speaker(colon.group("who")):
        rest = body[colon.end() :]
        return Attribution(clean_who(colon.group("who")), clean_assertion(rest), "said")
    quoting = QUOTE_THEN_QUOTED_RE.match(body)
    if quoting and is_speaker(quoting.group("who")):
        rest = quoting.group("rest")
        return Attribution(clean_who(quoting.group("who")), clean_assertion(rest), "quoted")
    quoting = QUOTED_AS_SAYING_RE.search(body)  # "AP quoted spokeswoman X as saying they …"
    if quoting and is_speaker(quoting.group("who")):
        rest = body[quoting.end() :]
        return Attribution(clean_who(quoting.group("who")), clean_assertion(rest), "quoted")
    aside = SPEECH_ASIDE_RE.match(body)  # "The attack, police said, happened after noon."
    if aside and is_speaker(aside.group("who")):
        rest = f"{aside.group('head')} {aside.group('tail')}"
        return Attribution(clean_who(aside.group("who")), clean_assertion(rest), "said")
    inverted = INVERTED_RE.match(body) or DESCRIBED_AFTER_RE.match(body)
    said_by = CIRCUMSTANCE_RE.sub("", inverted.group("who")) if inverted else ""
    said_by = RELATIVE_AFTER_NAME_RE.sub("", said_by)  # "said the source, whose information …"
    # "said Humberto Saballos, a volcanologist with … who took part in the investigation"
    said_by = APPOSITION_CLAUSE_RE.sub(r"\1", said_by)
    said_by = "" if _said_as_deed(said_by) else said_by
    # "Dorian Johnson, a friend of Brown's who …, said"
    usual_order = inverted and _usual_order(inverted.group("rest"))
    if inverted and is_speaker(said_by) and not FINITE_VERBS.search(said_by) and not usual_order:
        # "…, said Mark Quinlan, PG&E's …"; not "said a woman, Gil Rosenberg, has been captured"
        return Attribution(clean_who(said_by), clean_assertion(inverted.group("rest")), "said")
    posted = POSTED_BY_RE.match(body)  # "Posted on social media by the analysts at X, …"
    if posted and is_speaker(posted.group("who")):
        return Attribution(
            clean_who(posted.group("who")), clean_assertion(posted.group("rest")), "posted"
        )
    first = LEADING_ACCORDING_RE.match(body)  # "According to the article, …, he told friends"
    if (
        first
        and is_speaker(first.group("who"))
        and not UNNAMED_REPORTS_RE.fullmatch(first.group("who"))
    ):
        rest = body[first.end() :]
        inner = _leading(rest) if INTERVIEW_RE.match(first.group("who")) else None
        if inner and inner.who and inner.who.lower() not in PRONOUNS:
            # "According to an interview with his local paper, the Bunbury Mail, Thomas said"
            last_named = inner.who.rpartition(", ")[2]
            return replace(inner, who=last_named) if is_speaker(last_named) else inner
        return Attribution(
            clean_who(source_of(first.group("who"))), clean_assertion(rest), "according"
        )
    leading = _leading(body)
    if leading and leading.verb in GIVEN_NAME_VERBS and ACCORDING_RE.search(body):
        leading = None  # "… a waste product in the blood called uric acid, …, according to X"
    final = _closing_tag(body)  # "…, NT News reported.": the last words name the source
    final_tail = _bare_tail(final) if final else ""
    at_end = final is not None and not re.search(r"[a-z]{3,}", final_tail)
    pronoun = leading is None or (leading.who or "").lower() in PRONOUNS
    # a leading subject that only reported, confirmed or found is relayed by the outlet that
    # closes the sentence: "Witnesses reported the flights were low …, the Observatory said"
    relayed = leading is not None and (leading.verb or "") not in SPEAKING_VERBS
    if final and at_end and (pronoun or relayed) and is_speaker(final.group("who")):
        # of all the sentence, "they told him" inside it too; a named speaker inside stays the
        # source an outlet relays ("Sheikh Munajjid argued that …, Reuters reported")
        return _trailing(final)
    if leading:
        return leading
    for pattern in (TRAILING_RE, INVERTED_RE):
        match = _closing_tag(body) if pattern is TRAILING_RE else pattern.match(body)
        if match is None:
            continue
        tail = _bare_tail(match) if pattern is TRAILING_RE else ""
        if match.group("verb").lower() in WEAK_VERBS and re.search(r"[a-z]{3,}", tail):
            continue  # "…, and Brad Marchand added three assists": a verb with an object
        said_then = match.group("verb").lower() in ("said", "says", "added", "adds")
        if said_then and pattern is TRAILING_RE and SPEAKER_AFTER_RE.match(match.group("tail")):
            continue  # "…, allowing customers to …, said one person familiar with …": inverted
        # "David Mallie, who manages …, confirmed Jackson’s death": no tag but the sentence's verb
        ordered = pattern is INVERTED_RE and _usual_order(match.group("rest"))
        if is_speaker(match.group("who")) and not _said_as_deed(match.group("who")) and not ordered:
            return _trailing(match)
    issued = ISSUED_RE.match(OPENING_PHRASE_RE.sub("", body))  # "Following …, Vickers released"
    issuer = RELATIVE_AFTER_NAME_RE.sub("", issued.group("who")) if issued else ""
    # "Cage UK, a … group which had discussions with Emwazi …": the apposition, not its clause
    issuer = APPOSITION_CLAUSE_RE.sub(r"\1", issuer)
    if issued and is_speaker(issuer):  # "State officials, who've faced sharp criticism …,"
        saying = re.match(
            r"\s*(?:,\s*)?(?:saying|stating|which said|that said)[,:]?\s+(?:that\s+)?",
            issued.group("tail"),
        )
        rest = issued.group("tail")[saying.end() :] if saying else body
        if languages.word_count(rest) >= 3:
            return Attribution(clean_who(issuer), clean_assertion(rest), "statement")
    according = ACCORDING_RE.search(body)
    # "according to witnesses and a spokesman … who spoke later with the Associated Press":
    # how the words reached the outlet is no part of who said them
    by = CARRIED_BY_RE.sub("", according.group("who")) if according else ""
    source = source_of(by) if according else ""
    unnamed = UNNAMED_REPORTS_RE.fullmatch(by.strip()) if according else None
    if according and not unnamed and (is_speaker(by, loose=True) or is_speaker(source)):
        rest = (body[: according.start()] + body[according.end() :]).strip(" ,")
        return Attribution(clean_who(source), clean_assertion(rest), "according")
    reported_in = REPORTED_IN_RE.search(body)  # "Yesterday it was reported in The Age that …"
    if reported_in and is_speaker(reported_in.group("who")):
        rest = reported_in.group("rest")
        return Attribution(clean_who(reported_in.group("who")), clean_assertion(rest), "reported")
    noted = AS_NOTED_RE.match(body)  # "As noted on the Apple website, …"
    if noted and is_speaker(source_of(noted.group("who"))):
        who = source_of(noted.group("who"))
        return Attribution(clean_who(who), clean_assertion(noted.group("rest")), "according")
    passive = PASSIVE_BY_RE.match(body)  # "The news was first reported by music blog X."
    if passive and is_speaker(passive.group("who")):
        rest = passive.group("rest")
        return Attribution(clean_who(passive.group("who")), clean_assertion(rest), "reported")
    named = NAMED_BY_RE.search(body)  # "was named this morning by the Washington Post"
    # not "has not been confirmed by ISIS", nor the subject's own clause: "News of the meal,
    # which was first reported by Bloomberg, surfaced …"
    denied = named and NEGATED_RE.search(body[: named.start("verb")])
    relative = named and PASSIVE_IN_CLAUSE_RE.search(body[: named.start("verb")])
    if named and not denied and not (relative and body[named.end("who") :].startswith(",")):
        who = source_of(named.group("who"))
        if is_speaker(who) and not re.match(r"(?i)(?:an?\s+)?(?:airstrike|strike|attack)", who):
            return Attribution(clean_who(who), clean_assertion(body), named.group("verb"))
    told = TOLD_BY_RE.search(body)  # "He was told by staff at the centre that the surgery …"
    if told and is_speaker(told.group("who")):
        rest = told.group("rest")
        return Attribution(clean_who(told.group("who")), clean_assertion(rest), "told")
    relative = SPEAKER_WHO_SAID_RE.search(body)  # "… by the FBI, which stated he was taken"
    if relative and is_speaker(relative.group("who")):
        rest = relative.group("rest")
        return Attribution(clean_who(relative.group("who")), clean_assertion(rest), "said")
    with_saying = WITH_SAYING_RE.search(body)  # "…, with Cook saying he removes the device …"
    if with_saying and is_speaker(with_saying.group("who")):
        rest = with_saying.group("rest")
        return Attribution(clean_who(with_saying.group("who")), clean_assertion(rest), "saying")
    to_say = TO_SAY_RE.match(body)  # "Gillian Rosenberg has updated her Facebook page to say that"
    refused = to_say is not None and REFUSAL_RE.search(to_say.group("clause")) is not None
    subject = _subject(to_say.group("clause")) if to_say and not refused else None
    if to_say and subject:
        return Attribution(clean_who(subject), clean_assertion(to_say.group("rest")), "said")
    saying = SAYING_RE.match(body) if ", " in body or " by " in body else None
    # "by revealing that he had paid off their mortgage" is what he did, not what he said
    deed = saying and saying.group("by") and saying.group("verb") not in BY_SAYING_VERBS
    subject = _subject(saying.group("clause")) if saying and not deed else None
    if saying and subject:
        return Attribution(clean_who(subject), clean_assertion(saying.group("rest")), "saying")
    first = COORDINATED_RE.match(body)
    clause = PARTICIPLE_PHRASE_RE.sub("", first.group("clause")) if first else ""
    clause = LEAD_CLAUSE_RE.sub("", clause)  # "In some previous cases where …, Comcast has"
    subject = _subject(clause, MODAL_ENDS, present=True) if first else None
    in_relative = subject is not None and RELATIVE_WORD_RE.search(subject) is not None
    aside = PARTICIPLE_ASIDE_RE.match(subject.rstrip(" ,") + ",") if subject else None
    subject = subject[: aside.start("aside")] if subject and aside else subject  # "…, speaking in"
    if first and subject and not _clause(subject) and not in_relative:
        # "Pentagon Spokesman Col. Steve Warren could not confirm the deaths and said ISIS
        # leaders had not been targeted": the first clause's subject says the second
        return Attribution(clean_who(subject), clean_assertion(first.group("rest")), "said")
    head, colon_mark, after = body.partition(": ")
    quoted_head = re.search(r"[\"“”]", head)  # 'headlined, "China: Satirical site warns …"'
    if colon_mark and after[:1].isalpha() and languages.word_count(head) >= 6 and not quoted_head:
        # "…, he was left with bizarre side-effects: His mother told The Daily Mail that …"
        inner = attribute(after)
        if inner.who:
            return inner
    return Attribution(None, clean_assertion(body))


REPORTED_IN_RE = re.compile(
    r"\bit\s+(?:was|has\s+been|is|had\s+been)\s+(?:reported|revealed|claimed|stated)\s+"
    r"(?:in|by|on)\s+(?P<who>(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s+that\s+"
    r"(?P<rest>.+)$",
    re.DOTALL,
)
# (a source's page: not "As noted on Twitter", "As reported in Brussels", "As described in
# Chapter 3")
AS_NOTED_RE = re.compile(
    r"^(?i:as)\s+(?:noted|reported|stated)\s+(?:on|in|by)\s+"
    r"(?P<who>(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}(?:website|site|blog|page|newspaper|paper|"
    r"magazine|journal)|[\w-]+\.(?:com|org|net)),\s*(?P<rest>.+)$",
    re.DOTALL,
)
# Words reported, announced or confirmed by a source, the source last: "The news was first
# reported by music blog InFlexWeTrust.com."
PASSIVE_BY_RE = re.compile(
    r"^(?P<rest>[^\"“”]{8,}?)\s+(?:was|were|has been|have been|had been|is|are)\s+"
    r"(?:first\s+|also\s+|originally\s+|later\s+)?(?:reported|announced|confirmed|revealed|"
    r"claimed|stated|disclosed)\s+by\s+(?P<who>[^,;\"“”]{2,80}?)"
    r"(?:\s+(?:on|in|last|this|earlier|late)\s+[^,;\"“”]{1,40})?\s*[.!]?$"
)
# Who named, identified, confirmed or reported something, as the agent of a passive with words
# between: "was identified as Saja al-Dulaimi, an Iraqi, by a Lebanese security official",
# "has been named as Mohammed Emwazi by the BBC and The Washington Post", "were confirmed by
# U.S. officials to be authentic". The agent ends at a comma, a full stop or a following clause.
AGENT_ENDS = (
    r"(?:as|when|to|and(?! others?\b)|who|which|that|on|in|after|with|for|because|before|at|"
    r"near|while|but)\b"
)
NAMED_BY_RE = re.compile(
    r"\s(?:was|were|has been|have been|had been|been|is|are)\s+"
    r"(?:(?:first|also|later|originally|widely|publicly|officially|now|since|[a-z]+ly|"
    rf"this morning|(?:on\s+)?(?:{WEEKDAYS}|yesterday|today))\s+)*"
    r"(?P<verb>named|identified|confirmed|reported|described|debunked|revealed|announced|"
    r"leaked|disclosed|claimed|stated|labell?ed|branded|repeated|echoed)\b"
    # what comes between holds no other participle: not "described in a report published … by"
    r"(?P<mid>(?:(?![a-z]+ed\b)[^.;:\"“”]){0,80}?)\s+by\s+"
    rf"(?P<who>(?:[^,;:\"“”\s]|(?<=familiar)\s(?=with\b)|\s(?!{AGENT_ENDS})){{2,80}}?)"
    # an initial goes on ("Kenneth P. Thompson")
    # the agent ends at a clause, a comma or a full stop ("U.S. officials" goes on)
    rf"(?=\s*(?:[,;:]|(?<!\s[A-Z])\.(?:\s+[A-Z\"“]|\s*$)|$)|(?<!familiar)\s+{AGENT_ENDS})"
)
# The passive of telling: "We’re told by several insiders that staffers are still seeing rodents".
TOLD_BY_RE = re.compile(
    r"\b(?:was|were|been|is|are|am|’re|'re|’m|'m)\s+told\s+by\s+(?P<who>[^,;\"“”]{2,80}?)\s+"
    r"that\s+(?P<rest>\S+(?:\s+\S+){3,})$"
)
# A source brought in by a preposition, then what it said in a relative clause: "…, was profiled
# by the New Yorker, which claimed that he made $72 million", "citing Kurdish sources, who said
# that …". The source ends at a preposition after it: "a report in Britain's Daily Mirror, which
# said" names the paper, but "the director of the FBI, who said" is the director.
SPEAKER_WHO_SAID_RE = re.compile(
    r"\b(?:by|from|citing|quoting|in)\s+"
    r"(?P<who>(?:(?!\b(?:by|from|in|at|on)\s)[^,;:\"“”()]){2,80}?),(?:\s+however,)?\s+"
    r"(?:who|which)\s+(?:also\s+|later\s+|earlier\s+|had\s+|has\s+)?"
    r"(?:said|says|claimed|claims|stated|states|announced|reported|told\s+[^,;\"“”]{2,40}?)"
    r"(?:\s+(?:in|on|last|this|earlier)\s+[A-Z]?[a-z]+(?:\s+\d{1,2})?)?"
    r"(?:\s+that)?\s+"
    r"(?P<rest>(?!(?:nothing|no|a lot|much|little|something|everything)\b)\S+(?:\s+\S+){3,})$"
)
# A programme's or paper's title in quotes after the speaker: no quotation of theirs.
QUOTED_TITLE_AFTER_RE = re.compile(
    r"(?<=[,?!][\"”] )([^\"“”]{2,80}?\s(?:on|in|to)\s)[\"“]([^\"“”]{2,40})[\"”](?=[^\"“”]*$)"
)
STRAY_CLOSING_RE = re.compile(
    r"([,?!][\"”]\s+[^\"“”]{2,80}\s(?:said|says|added|told|explained)\b[^\"“”]*[.!])[\"”]$"
)
UNSPACED_ASIDE_RE = re.compile(r"(?<=\w)—([a-z][^–—]{3,160}?)—(?=\w)")
# Where a person stands in the picture, in brackets: no part of what anyone said.
PICTURE_ASIDE_RE = re.compile(
    r",?\s*\((?:at |on the |pictured|left|right|centre|center|above|below|top|bottom)"
    r"[^()]{0,60}\)"
)


MEDIUM_IN_TAIL_RE = re.compile(
    r"^\s+(?:in|on)\s+(?:its|their|his|her|a|an|the)\s+(?:[\w-]+\s+){0,2}(?:issue|edition|report|"
    r"column|story|article|broadcast|newsletter|statement|interview|website|blog)\b"
)


def _bare_tail(match: re.Match[str]) -> str:
    """What follows a closing speech verb, without where and when: "…, the Pentagon confirmed
    Friday." ends on its verb as much as "…, the Pentagon confirmed." does (but "…, the battle
    for Kobani continued Tuesday night." is no speech)."""
    tail = CIRCUMSTANCE_RE.sub("", match.group("tail"))
    tail = MEDIUM_IN_TAIL_RE.sub("", tail)  # "…, New York magazine reports in its Monday issue."
    if match.group("verb").lower() in THAT_ONLY_VERBS:
        return tail
    tail = TIME_TAIL_RE.sub("", tail.rstrip(" .!"))
    return re.sub(r"^\s+(?:today|yesterday|tonight)$", "", tail)


def _closing_tag(body: str) -> re.Match[str] | None:
    """The tag that closes the sentence ("…, NT News reported."): the first comma's, unless its
    tail runs past another comma and the last comma's names a speaker."""
    first = TRAILING_RE.match(body)
    if first is None or not re.search(r"[,;]", first.group("tail")):
        return first
    last = LAST_TRAILING_RE.match(body)
    if last and not re.search(r"[,;]", last.group("tail")) and is_speaker(last.group("who")):
        return last
    return first


def _trailing(match: re.Match[str]) -> Attribution:
    """The speaker named after the words ("…, police said"), without where they said it."""
    who = re.sub(r"\s+(?:in|on|at)\s+(?:a|an|the)\s+\w+$", "", match.group("who"))
    rest = match.group("rest")
    titled = NAME_THEN_TITLE_RE.search(f"{rest}, {who}")  # "…, Chris Jones, vice president
    if titled and is_speaker(titled.group("name")):  # and principal analyst with X, told"
        who = titled.group("who")
        rest = rest[: len(rest) - len(titled.group("name"))].rstrip(" ,")
    return Attribution(clean_who(who), clean_assertion(rest), "said")


def _lower_if_speech(word: re.Match[str]) -> str:
    lower = word.group().lower()
    return lower if VERB_FIRST_RE.fullmatch(f"{lower} ") else word.group()


CAPS_WORD_RE = re.compile(r"\b[A-Z]{3,}\b")


def source_of(who: str) -> str:
    """The source an "according to" names, behind the document or the confirmation it names:
    "credible reports received by Amnesty" is Amnesty's account."""
    document = DOCUMENT_OF_RE.search(who)
    if document:
        return document.group("who")
    return CONFIRMED_BY_RE.sub("", who) or who


DASH_THEN_SUBJECT_RE = re.compile(
    r"^(?P<head>[^—–]{8,160}?)\s[—–]\s+(?P<who>[A-Z][^—–,]{1,60}?)\s*$"
)
# A relative clause on a name's apposition: what the person did, no part of who they are.
APPOSITION_CLAUSE_RE = re.compile(r"(,\s+an?\s+[^,]*?)\s+(?:which|who|that)\b.*$", re.DOTALL)
# A participle's phrase on a speaker that is no verb of the sentence: "Jihadists believed to be
# loyal to ISIS (had claimed)".
BELIEVED_TO_BE_RE = re.compile(
    r"\b(?:believed|thought|understood|known|alleged|reported|said(?:\s+by\s+[^,]{2,40}?)?)\s+"
    r"to\s+(?:be|have)\b"
)
# What is claimed as a deed, not in words: lives, places taken, a title won.
CLAIMED_DEED_RE = re.compile(
    r"\s+(?:the\s+lives\b|(?:\S+\s+){1,2}(?:more\s+)?(?:lives|victims)\b|"
    r"(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:town|city|village|airport|base|"
    r"territory|title|crown|prize|trophy|seat|victory|win|medal|record|spot|place)s?\b)"
    # (not a clause: "The town claimed its record was clean", "The story claimed the town of
    # Purdon was quarantined")
    r"(?![^,;.]*?\b(?:is|was|are|were|has|had|have|would|will|could|did)\b)"
)
# Who may be "revealing" something: a name or a person's pronoun, not "the drought".
REVEALER_RE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|[Hh]e|[Ss]he|[Tt]hey")
GREETING_RE = re.compile(r"\s+(?:hello|goodbye|good-bye|goodnight)\s+to\b")


def _verbs_at(body: str) -> Iterator[re.Match[str]]:
    """Every speech verb in turn, each search starting after the last verb: a match's trailing
    space must not hide the next verb ("The report noted that": "report", then "noted")."""
    pos = 0
    while match := VERB_AT_RE.search(body, pos):
        yield match
        pos = match.end("verb")


def _leading(body: str) -> Attribution | None:
    """ "X said (that) Y", trying each speech verb in turn: in "When Ghani announced the swap,
    he said …" the first verb's subject is a fragment, the second's is the speaker."""
    for match in _verbs_at(body):
        before = body[: match.start()]
        unquoted = SCARE_QUOTES_RE.sub("", DASH_ASIDE_RE.sub("", before))
        if len(before) > 160 or re.search(r"[\"“”]", unquoted):
            break  # a quote before the verb is someone else's words; a scare-quoted word, or
            # one in an aside ("The website – which calls itself "…" – said") is not
        closed = before.rstrip().endswith(",")  # "Dorian Johnson, a friend of Brown's who …,"
        who = _speaker_in(before) or (_apposed(before.strip().rstrip(",")) if closed else None)
        verb, rest = match.group("verb").lower(), body[match.end() :]
        after = WHEN_AFTER_VERB_RE.sub("", body[match.end("verb") :])  # "reported Wednesday that"
        medium = MEDIUM_OBJECT_RE.match(after)  # "confirmed in the Telegraph report: …"
        # "bragged about the tab to Nomura analyst Harry Curtis: “$300,000 …”": the words are
        # the quote (for verbs of speech only, and never over "according to")
        colon_quote = (
            COLON_QUOTE_OBJECT_RE.match(after)
            if verb in COLON_QUOTE_VERBS and not ACCORDING_RE.search(after)
            else None
        )
        if verb.endswith("revealing") and who and not REVEALER_RE.fullmatch(who):
            continue  # "The receding water is revealing the town was built on a swamp"
        if verb in ("claimed", "claims", "claim") and CLAIMED_DEED_RE.match(after):
            continue  # "Boko Haram has claimed the lives of 40 villagers", "claimed the town"
        if verb == "said" and GREETING_RE.match(after):
            continue  # "anchor Lester Holt said hello to the meteorologist"
        if verb in RELATIVE_SKIPPED_VERBS and RELATIVE_BEFORE_RE.search(before):
            continue  # "Mr Smith, who expects to retire next year, said …"
        if verb in ROLE_OBJECT_RE:  # "identified Bary as", not "identified as possibly being"
            weak = not ROLE_OBJECT_RE[verb].match(after)
        elif verb in FORECAST_VERBS:
            weak = not (
                re.match(r"\s+that\b", after)
                or MEASURE_OBJECT_RE.match(after)
                or verb in TO_OBJECT_VERBS
                and TO_OBJECT_RE.match(after)
            )
        else:
            weak = verb in WEAK_VERBS - FRAMING_VERBS - THAT_ONLY_VERBS and not (
                SPEECH_OBJECT_RE.match(after)
                or WITH_THEN_THAT_RE.match(after)  # "shared with AutoIndustriya.com that …"
                or colon_quote
                or verb in CONFIRMING_VERBS
                and CONFIRMED_OBJECT_RE.match(after)
                or medium
                and SPEECH_OBJECT_RE.match(after, medium.end())
                or CLAUSE_OBJECT_RE.match(after)
                and verb not in ("state", "estimates")  # "Two state police officers
                # were charged", "Previous estimates from industry experts have pegged"
                or verb in FIGURE_VERBS
                and FIGURE_OBJECT_RE.match(after)
            )
        if medium and SPEECH_OBJECT_RE.match(after, medium.end()):
            rest = re.sub(r"^\s*(?:that\b)?[\s,:]*", "", after[medium.end() :])
        if colon_quote:
            rest = after[colon_quote.end() - 1 :]
        agent = PASSIVE_AGENT_RE.match(after)
        denied = NEGATED_RE.search(body[: match.start("verb")])  # "has not been confirmed by"
        if agent and verb.endswith("ed") and not denied:
            # not "News of the meal, which was first reported by Bloomberg, surfaced …" (the
            # agent of a clause on the subject), "dismissed by Culkin's representatives" (a
            # dispute the sentence reports) or "shared by Twitter users"
            if verb in FRAMING_VERBS | {"shared", "posted", "tweeted", "recognized", "recognised"}:
                continue
            if PASSIVE_IN_CLAUSE_RE.search(before):
                continue
            # "another announced by MOTIE in March"
            return Attribution(clean_who(agent.group("who")), clean_assertion(body), verb)
        if verb.endswith("ed") and REDUCED_RELATIVE_AFTER_RE.match(after):
            continue  # "The title of the video posted Tuesday was …": a participle on a noun
        if PASSIVE_BEFORE_RE.search(body[: match.start("verb")]):
            continue  # "Several images, which have not been independently verified, emerged"
        if (
            verb in NAMING_VERBS
            and re.search(r",\s*$", body[: match.start("verb")])
            and NAMING_ASIDE_RE.match(body, match.end("verb"))
        ):
            continue  # "Such damage, called pulmonary fibrosis, is …": a participle names it
        stated = re.match(r"\s+(?:by saying|that)\b", body[match.end("verb") :]) or (
            verb in FINDING_VERBS
            and DOCUMENT_SUBJECT_RE.search(before.strip())
            and (CLAUSE_OBJECT_RE.match(after) or re.match(r"\s+(?:it|they|there)\b", after))
        )  # "The study found the spacecraft mass could be reduced", "research shows it gives"
        if verb in THAT_ONLY_VERBS and not stated:
            continue
        phrasal = (
            verb in ("called", "calls", "cited", "cites", "described")
            and re.match(
                r"\s*(?:for|off|on|up|in|out|by|911|police|the police|an ambulance)\b", rest
            )
            or (
                verb == "called"
                and re.match(r"\s*(?:[A-Z][\w.&'’-]*\s*){1,4}(?:and\b|to\b|on\b|at\b|,|\.|$)", rest)
            )
        )  # "the recipe called for three cups", "cited in the article", "called 911", "called
        # Comcast and spoke to an agent"
        naming = verb == "called" and (
            re.search(r"\b(?i:an?)\s+[\w-]+$", before)
            and re.match(r"\s*(?:[A-Z\"“]|[a-z]+[A-Z])", rest)
            or NAMED_THING_RE.search(before)
            and NAME_THEN_CLAUSE_RE.match(rest)
        )  # "a site called InSerbia.info (iKwiz) published": a name, not speech (one word after
        # the article: "A senior official called Russia's actions unacceptable" is speech)
        pictured = PICTURE_SUBJECT_RE.search(before) or (
            verb in POSTING_VERBS
            and POSTED_MEDIA_RE.match(after)
            and not POSTED_AND_SAID_RE.search(after)  # "posted photos …, and wrote: “…”"
        )
        noun = verb in NOUN_VERBS and (
            IN_THE_RE.search(before)
            or re.search(r"\b(?i:the)\s*$", before)  # "informed that the report had …"
            # "an incident report following a homicide": a singular subject takes "reports"
            or verb in ("report", "claim", "state", "estimate")
            and re.search(
                r"(?:^|[,;]\s*)(?:[A-Z][a-z]+ly\s+)?(?i:an?|each|every|this)\s+[\w-]+\s*$", before
            )
            or re.search(r"['’]s?$", before)
            or ADJECTIVE_BEFORE_NOUN_RE.search(before)
            or SPEECH_NEXT_RE.match(body, match.end("verb"))
        )  # "in the Breitbart report,", "Hunter's claim is", "Other reports said", "Iraqi
        # reports said": the next verb is the speech, the noun its subject's
        reporting = verb.split()[-1] in REPORTING_VERBS and JOURNALISM_RE.match(after)
        unsaid = DISOWNED_RE.search(body[: match.start("verb")])  # "never said it was …"
        if not who or weak or phrasal or pictured or unsaid or noun or naming or reporting:
            continue
        if verb in ("state", "states") and re.match(r"[,.;]", after.lstrip()):
            continue  # "in Mexico's Guerrero state, authorities turned up …": the noun
        polls = re.search(r"\bpolls$", who)  # "Exit polls show that …"
        if verb == "show" and not (DOCUMENT_SUBJECT_RE.search(who) or polls):
            continue  # "Records filed with the court show that …", not "Polls show", "to show"
        if verb.startswith("indicat") and not DOCUMENT_SUBJECT_RE.search(who):
            continue  # "The Baden autopsy indicated that …", not "the death toll indicates"
        finding = verb in FINDING_VERBS and DOCUMENT_SUBJECT_RE.search(who)
        confirmed = verb in CONFIRMING_VERBS and CONFIRMED_OBJECT_RE.match(after)
        posted = verb in POSTING_VERBS and re.match(r"\s+(?:a|an|the|his|her|their|its)\s", after)
        if (
            verb in FRAMING_VERBS
            or confirmed
            or posted  # "posted a follow-up message": what was posted is no claim of its own
            or verb in OBJECT_IS_CLAIM_VERBS
            and not re.match(r"\s+that\b", after)
            or finding
            and not re.match(r"\s+that\b", after)
        ):
            rest = body  # "The study found the mass could be reduced": a finding, not a forecast
        elif (
            who != before.strip().rstrip(",").rstrip()
            and not _asserts(rest)
            and not PARTICIPLE_ASIDE_RE.match(before.strip())  # "Kasper, informed …, said"
            and not colon_quote
        ):
            # "…, Kremlin spokesman Dmitry Peskov said." / "…, executives announced Wednesday
            # at the Dubai Air Show.": what follows the verb is no assertion; the head is
            rest = before.rpartition(",")[0]
        return Attribution(clean_who(who), clean_assertion(rest), verb)
    return None


# A thing named, not a speaker: "a little movie called Batman v Superman", "an order called the
# Missionary Sisters of the Love of Christ" (not "The group called the attack a crime").
NAMED_THING_RE = re.compile(
    r"(?i)\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}(?:movie|film|order|group|site|website|book|show|"
    r"series|app|company|organi[sz]ation|band|village|town|program|programme|song|game|hashtag|page|account|campaign|operation|"
    r"law|drug|device|product|study|project|blog|newspaper|magazine|channel|network|firm|"
    r"startup|charity|foundation|movement|sect|cult|church|ministry|initiative|scheme|feature|"
    r"tool|service|platform|event|festival|restaurant|bar|shop|store|brand|album|novel|"
    r"documentary|podcast|condition|disease|syndrome|technique|method|species|breed|dish|"
    r"island|street|neighbou?rhood|district|region|province|building|school|college|mosque)"
    r"\s*$"
)


# The name after "called" ends where the clause goes on: "called Batman v Superman: Dawn of
# Justice is filming", "called the Missionary Sisters of the Love of Christ in Macerata"; a
# judgement after it is speech ("called the Saudi-led strikes a war crime", "called Obama weak").
NAME_THEN_CLAUSE_RE = re.compile(
    r"\s*(?:the\s+)?[A-Z\"“‘'][\w.&'’\"”-]*(?:\s+(?:(?:of|the|and|v|vs\.?|de|&)\s+)*"
    r"[A-Z\"“‘'][\w.&'’\"”-]*)*\s*(?:[,.:;(—–]|$|\s(?:is|was|are|were|has|had|have|in|on|at|that|"
    r"which|who|and|for|to|with|from)\b)"
)


# A story named by where it ran: the outlet speaks, its kind ('"news" website') goes.
STORY_ON_RE = re.compile(
    r"^(?i:the|a|an)\s+(?:story|report|article|post|piece)\s+(?:on|in|from|by)\s+"
    r"(?:the\s+)?(?:[\"“][\w -]{1,20}[\"”]\s+)?(?:(?:news|satirical|fake)\s+)?(?:website|site|"
    r"outlet|newspaper|paper|blog|magazine)\s+(?P<who>[A-Z][^,]{1,60})$"
)
# A name and a colon before a quotation, as in an interview's transcript or a round-up of
# reactions: 'Babić: "The pregnancies …"', 'Dan Rayburn, Streaming Media Blog: “…”'.
COLON_SPEAKER_RE = re.compile(
    r"^(?P<who>(?P<name>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3})(?:,\s[A-Z][\w.’' -]{1,40})?)"
    r":\s*(?=[\"“‘'])"
)
# Page labels that stand before a colon like a name: "UPDATE: “…”", "Watch: '…'".
LABELS = {
    "update", "updated", "watch", "video", "photo", "photos", "read", "related", "note",
    "source", "sources", "warning", "breaking", "editor", "listen", "see", "quote", "caption",
}  # fmt: skip
# A word or two in quotes inside a noun phrase: 'The story on "news" website National Report'.
# ... or a name in quotes with its comma inside right before the verb: 'director of Elon’s
# “Inclusive Community Wellbeing,” said' (not '"John," "George," and …')
SCARE_QUOTES_RE = re.compile(r"(?<=\s)[\"“][\w’' -]{1,40}(?:[\"”](?=\s|$)|,[\"”]$)")
# When, between a verb and its object: "Bloomberg News reported Wednesday that …".
WHEN_AFTER_VERB_RE = re.compile(
    rf"^\s+(?:[a-z]{{3,}}ly\s+(?=(?:on\s+)?(?:{WEEKDAYS})\b\s*(?:[,:\"“]|that\b)))?(?:(?:earlier\s+|later\s+)?(?:this|last)\s+(?:week|month|year)|recently|"
    rf"(?:(?:on|late on|early on|last|this)\s+)?(?:{WEEKDAYS}|yesterday|today|"
    rf"(?:{MONTHS})\s+\d{{1,2}})(?:\s+(?:morning|afternoon|evening|night))?"
    # a time of day: "police confirmed shortly before 5 p.m. that Constantine was in custody"
    r"|(?:(?:shortly|just|soon|late|early)\s+)?(?:before|after|at|around|by)\s+\d{1,2}"
    r"(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?:\s+\w+)?)(?=\s+that\b|,)"
)
# Where a weak verb's words appeared, before them: "confirmed in the Telegraph report:".
MEDIUM_OBJECT_RE = re.compile(
    r"\s+(?:in|on|to|during)\s+(?:(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:interview|statement|report|article|post|tweet|email|letter|release|briefing|video|blog|"
    r"website|page|account)|Facebook|Twitter|Instagram|YouTube|TikTok|Weibo|Reddit|air)\b"
    rf"(?:\s+(?:on\s+)?(?:{WEEKDAYS}|yesterday|today))?"  # "in a statement on Monday that"
)
NEGATED_RE = re.compile(
    r"\b(?:not|never|n[’']t)\s+(?:(?:yet|initially|immediately|independently|officially)\s+)?"
    r"(?:been\s+)?$"
)
# A speaker who did not say it: "The Islamic Tribunal … never said it was trying to …".
DISOWNED_RE = re.compile(r"\b(?:never|did not|didn[’']t|has not|hasn[’']t|have not)\s+$")
# A participle after a form of "be" is passive; its subject said nothing.
PASSIVE_BEFORE_RE = re.compile(r"\b(?:been|be|being|is|are|was|were)\s+(?:[a-z]+ly\s+)?$")
NAMING_VERBS = {"called", "branded", "labelled", "labeled", "described"}
# The name such a participle gives, closed by a comma (not "…, called it fake news").
NAMING_ASIDE_RE = re.compile(
    r"\s+(?!(?:it|them|him|her|this|that|these|those|the|a|an|his|their|its)\b)[^,]{1,60},"
)
# "Police confirmed the shooting": what was confirmed is the claim, the whole sentence.
CONFIRMING_VERBS = {"confirmed", "confirms", "confirm", "verified", "verifies"}
CONFIRMED_OBJECT_RE = re.compile(
    r"\s+(?:(?:the|a|an|its|his|her|their)\s+[a-zA-Z]|(?:it|the news|reports?)\b)"
)  # "confirmed the Bale casting", "KFC confirmed it."
# Speech verbs that are nouns after "in the …": "on its website or in the Breitbart report,".
NOUN_VERBS = {"report", "reports", "claim", "claims", "notes", "states", "estimates", "calls"}
SPEECH_NEXT_RE = re.compile(
    # "News reports last year said": a time between the noun and its verb
    rf"\s+(?:(?:last|this|earlier this)\s+(?:week|month|year)\s+|(?:on\s+)?(?:{WEEKDAYS})\s+)?"
    rf"(?:also\s+)?(?:{SPEECH_VERBS})\b"
)
# Reporting as journalism, not speech: "who has reported in the Middle East for five years",
# "was reporting from Sugar Mountain" (not "reported in July that …").
REPORTING_VERBS = {"reported", "reporting", "reports", "report"}
JOURNALISM_RE = re.compile(r"\s+(?:in|from|at|for)\b(?![^,;:.]*?(?:\bthat\b|[:“\"]))")
# An adjective before such a word makes it the noun: "Previous estimates", "Other reports".
ADJECTIVE_BEFORE_NOUN_RE = re.compile(
    r"(?i)(?:^|\s)(?:previous|earlier|recent|initial|other|early|new|latest|unconfirmed|"
    r"conflicting|some|many|several|original|first|false|erroneous|mistaken|widespread)\s*$"
)
IN_THE_RE = re.compile(
    r"\b(?:in|on|from|by|to|with|at|under|after|before)\s+(?:the|a|an|its|his|her|their|this|"
    r"that)(?:\s+[\w’'-]+){1,2}\s*$"
)
# Weak verbs of speech whose object may run to a colon and a quote (not "added three new
# rooms: “The Gallery” …", "noted one rule on the board: “No phones”")
COLON_QUOTE_VERBS = {
    "bragged", "boasted", "revealed", "reveals", "confirmed", "confirms", "admitted", "admits",
    "alleged", "alleges", "suggested", "suggests", "cautioned", "cautions", "warned", "warns",
    "explained", "explains", "insisted", "insists", "complained", "recalled", "declared",
}  # fmt: skip
COLON_QUOTE_OBJECT_RE = re.compile(r"\s+[^.:;\"“”]{2,80}:\s*[\"“‘']")
WITH_THEN_THAT_RE = re.compile(
    r"\s+(?:with|to)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:\s+media)?"
    r"(?:\s+(?:earlier|later|last|this|on|in)\s[^,\"“”]{1,40}?)?\s+that\b"
)  # "confirmed to NBC News that …", "revealed to the Israeli media earlier this month that"
# Pictures show without asserting: "A video posted on YouTube shows the deliverer …".
# Posting a picture is an act, not speech: "He recently tweeted a picture of himself …".
POSTING_VERBS = {"posted", "tweeted", "shared"}  # the posting verbs SPEECH_VERBS reads
# A participle after a noun, then its time, then the main verb: "the video posted Tuesday was",
# "the report released last week is".
REDUCED_RELATIVE_AFTER_RE = re.compile(
    rf"\s+(?:(?:on\s+)?(?:{WEEKDAYS}|yesterday|today|last\s+(?:week|month|year))\s+)"
    r"(?:was|were|is|are|has|had)\b"
)
POSTED_MEDIA_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}(?:videos?|photos?|photographs?|pictures?|images?|clips?|footage|"
    r"selfies?|snaps?|screenshots?)\b",
    re.I,
)
POSTED_AND_SAID_RE = re.compile(r"\band\s+(?:wrote|said|added|commented|declared)\b")
PICTURE_SUBJECT_RE = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+)?(?:video|photo|photograph|picture|image|footage|clip|"
    r"videos|photos|photographs|pictures|images|clips)\b"
    # the picture word before the speaker's noun: "A video texting service confirmed today that"
    r"(?!\s+(?:[a-z]+ing\s+)?(?:service|company|firm|platform|app|agency|site|website|maker|"
    r"makers|editor|editors|journalist|journalists|team|channel|network|blog|producer|producers|"
    r"expert|experts|analyst|analysts|department|unit|desk)\b)",
    re.I,
)
# A passive inside a clause on the subject: "News of the meal, which was first reported (by …)".
PASSIVE_IN_CLAUSE_RE = re.compile(
    r"(?:,|\s[—–-])\s+(?:which|who|that)\s+(?:\w+\s+){0,3}?(?:was|were|had been|has been)"
    r"(?:\s+\w+ly|\s+first|\s+previously)?\s*$"
)
# The agent of a speech verb in the passive: "announced by MOTIE", "stated by the ministry".
PASSIVE_AGENT_RE = re.compile(
    r"\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w&.’'-]*(?:\s+(?:of\s+)?[A-Z][\w&.’'-]*){0,5}"
    r"(?:(?<=['’]s)\s+[a-z]+)?"  # "dismissed by Culkin's representatives"
    # "as predicted by NASA’s Near-Earth Object program"
    r"(?:\s+(?:program|programme|agency|office|team|group|service|council|committee|ministry|"
    r"department|center|centre|institute|website|site|blog))?"
    # "by the British astronomer Patrick Moore", "by British security services"
    r"(?:\s+(?:[a-z]+\s+)?(?:astronomer|scientist|researcher|expert|official|service|authoritie|"
    r"agencie|agency|police|intelligence|media|journalist|reporter|analyst)s?\b"
    r"(?:\s+[A-Z][\w.’'-]*){0,3})?)"
)
# Asides after a speaker that are not part of the name: "The Afghan Taliban, however, claimed".
ASIDE_RE = re.compile(
    r",\s*(?:however|though|meanwhile|too|also|in turn|for (?:its|his|her|their) part|"
    r"in response|for example|instead)$",
    re.IGNORECASE,
)
# A relative clause after a speaker: "Mr Bretton-Gordon, who returned from Baghdad last week".
RELATIVE_AFTER_NAME_RE = re.compile(r",\s+(?:who|whose|which)(?:['’]\w+)?\s.*$", re.DOTALL)
# ... one that ends where the speaker's verb comes, with no comma after it: "The woman, who was
# identified as an Iraqi, and the child were taken …, the officials (said)" is no such clause.
RELATIVE_TO_VERB_RE = re.compile(r",\s+(?:who|whose|which)\s[^,]*$")
# A relative clause with a speaker of its own: "emails …, which Boston.com (said had been …)".
# A run of capitalised words: the names before a relative clause with a pronoun speaker.
CAPITALISED_RUN_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
RELATIVE_SPEAKER_RE = re.compile(
    r"(?:,\s+(?:which|that)|\s(?:in|under|through)\s+which)\s+(?P<who>[^,\s][^,]{0,60})$"
)  # "…, which Boston.com said had been …", "emails in which Emwazi said MI5 …"
# A subject with a relative clause before "said": "The statement, which circulated on Twitter,
# said an airstrike …" is in the usual order, not "…, said X".
RELATIVE_SUBJECT_RE = re.compile(r"^[^,\"“”]{2,80},\s+(?:which|who)\s[^,\"“”]+$")
# An aside between two dashes: "Islamist websites – some of them known to be close, or even
# serving as a front for ISIS – reported".
DASH_ASIDE_RE = re.compile(r"\s(?:[–—]|--)\s(?:(?!--)[^–—]){3,160}?\s(?:[–—]|--)(?=\s|$)")
# Where a speaker comes from, set off by commas before the verb: not the speaker.
FROM_PLACE_RE = re.compile(r",\s+from\s+[A-Z][^,]*(?:,\s+[A-Z][^,]*)?,?\s*$")
# A name closing the words before the verb, after a comma: "The woman, who has been named as X,
# was travelling …, Interior Minister Nouhad Mashnuq" (told …): the name speaks.
NAME_AT_END_RE = re.compile(r",\s+(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][\w'’-]+$")
# Speech as the second verb of a compound predicate: "It did not reveal the location and said".
COMPOUND_RE = re.compile(
    r"^(?P<subject>[^,]{1,80}?)\s+(?:did|does|had|has|have|[a-z]+ed|"
    # "Sophomore Tyson Glover spent his first semester … and said"
    + "|".join(sorted(IRREGULAR_PASTS - {"said", "told"}))
    + r")\b(?:(?!\b(?:who|which|that)\b)[^,])*\s(?:and|but)$"
)


# Speech as a second predicate after a first with commas in it: "They are yet to trace the
# first victim, who was female, but said": the first predicate's subject speaks.
SECOND_PREDICATE_RE = re.compile(
    r"^(?P<clause>[^\"“”,]{4,120},[^\"“”]{1,120}?),?\s+(?:and|but)$"
    # "Johnson touted border security improvements, but said …"
    r"|^(?P<single>[^\"“”,]{4,120}),\s+(?:and|but)$"
)


def _asserts(rest: str) -> bool:
    """Whether the words after a speech verb state something (a clause), not just when/where."""
    words = rest.split()
    return len(words) >= 8 or bool(
        re.search(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|\w+ed)\b", rest)
        # a subject pronoun and its verb: "he charges his Apple Watch every night"
        or re.match(r"\s*(?:that\s+)?(?:he|she|it|they|we|I|you)\s+[a-z]", rest)
        or re.search(r"\b(?:do|does|did|must|may|might|should|cannot|\w+n[’']t)\b", rest)
    )


INTERVIEWED_RE = re.compile(
    r"\b(?:interviewed|(?:spoke|talked)\s+(?:to|with)|checked\s+with|asked)\s+"
    # not "the mother of Jane Doe", "people leaving the Capitol Hill Baptist Church"
    r"(?:(?!(?:of|from|in|at|on|near|leaving|outside|inside)\b)[\w’'.,-]+\s+){0,5}?"
    r"(?P<who>(?:[A-Z][\w’'.-]+\s+)+[A-Z][\w’'.-]+),$"
)


MEDIUM_LEAD_RE = re.compile(
    r"(?:In|On)\s+(?:the|a|an|its|his|her|their|this|that)\s+(?:[\w-]+\s+)?(?:clip|video|"
    r"statement|message|post|letter|interview|recording|footage|tweet|report|speech|book|"
    r"column|filing|e-?mail)\s+(?P<who>(?:the|a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$"
)


# A leading phrase with no comma after it, then a name: "By the next year Williams", "In a
# lengthy Facebook post on Wednesday Williams", "Three days later USA Today".
UNMARKED_LEAD_RE = re.compile(
    # not a clause: "On the day that Samsung (announced …, I rushed)"
    r"^(?P<lead>(?:By|In|On|At|After|Before|During|Since|Within|Over)\s"
    r"(?:(?!\b(?:that|when|which|where|who|whom|if|as)\b)[^,\"“”]){1,60}?"
    r"|[^,\"“”]{1,30}?\s(?:later|earlier|ago))"
    rf"(?:\s(?:on\s)?(?:{WEEKDAYS}|{MONTHS}|(?:19|20)\d\d))?"  # "… post on Wednesday Williams"
    r"\s(?P<who>(?:the\s)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})$"
)
# The lead's last word before the name: a preposition, an article or a participle there takes
# the capitals after it as its object ("In an interview with CNN Clinton", "At the White House
# Trump", "After meeting Putin Trump"), and so do capitals ("In Hong Kong Carrie Lam").
LEAD_OBJECT_WORDS = {
    "with", "in", "at", "on", "of", "for", "by", "from", "to", "into", "the", "a", "an", "and",
    "or", "his", "her", "their", "its", "our", "my", "your", "this", "that", "during", "after",
    "before", "since", "over", "within", "near", "outside", "inside", "across", "about",
}  # fmt: skip


def _unmarked_lead(who: str) -> str | None:
    """The subject after a leading phrase with no comma: "By the next year Williams", "Three
    days later USA Today", "In a lengthy Facebook post on Wednesday Williams"."""
    match = UNMARKED_LEAD_RE.match(who)
    if not match:
        return None
    last = match.group("lead").split()[-1]
    dated = match.end("lead") < match.start("who") - 1  # a day, month or year closes the lead
    plain = re.fullmatch(r"[a-z][a-z'’-]*|\d[\d,]*", last) is not None
    if not dated and (not plain or last in LEAD_OBJECT_WORDS or last.endswith("ing")):
        return None
    return match.group("who") if is_speaker(match.group("who")) else None


CARRIED_REPORT_RE = re.compile(
    r"^(?!(?i:if|whether|when|unless|although|though|because|while|once)\b)"
    r"(?P<who>[^,\"“”]{2,80}?)\s+(?:carried|published|ran|printed|aired|posted|issued)\s+"
    r"(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}(?:report|story|article|piece|item|account|"
    r"post|statement|note)\s+"
    r"(?:that|which)$"
)
PASSIVE_CLAUSE_END_RE = re.compile(
    r"\s+(?:that|which|who)\s+(?:was|were|is|are|had been|has been)\s+(?:[a-z]+ly\s+)?"
    r"[a-z]+ed\s+by\s+[^,\"“”]+$"
)
WHERE_CLAUSE_RE = re.compile(r",\s+where\s+(?P<who>[^,]{2,60})$")
PARTICIPLE_SUBJECT_RE = re.compile(
    r"^(?!.*\b(?:which|that|who|whom)\b)(?:(?i:the|some|many|several)\s+)?(?:[a-z]+\s+){0,2}"
    r"[a-z]{3,}s\s+(?:[a-z]+ly\s+)?"
    r"(?!(?:including|according)\b)[a-z]{3,}ing\s+[^,\"“”]{2,60}$"
)


TIME_LEAD_RE = re.compile(
    # (not "Late night TV host X", "Yesterday Records chief X", "Overnight Oats founder X")
    rf"^(?:(?:Last|Earlier|This)\s+(?:night|week|month|year|morning|evening|afternoon|"
    rf"{WEEKDAYS})\s+(?=(?:a|an|the)\s|[A-Z])|Yesterday\s+(?=(?:a|an|the)\s))"
)


def _speaker_in(who: str) -> str | None:
    """The speaker in the words before a speech verb: the whole phrase, else what follows a
    leading clause ("In a letter …, CPUC President Marybel Batjer"), with a pronoun there
    read as the person named in that clause ("When President Ghani announced it, he said")."""
    who = TIME_TAIL_RE.sub("", CONTACT_TAIL_RE.sub("", who.strip()))
    who = TIME_LEAD_RE.sub("", who)  # "Last night a Palace spokesman (was keen to point out)"
    who = re.sub(r"(?<=[a-z]),\s*\d{1,3}\s*,?\s*$", "", who)  # "Taylor Lianne Chandler, 41,"
    who = re.sub(r"^[A-Z][a-z]+:\s+(?=[A-Z])", "", who)  # a caption's label: "Speech: Speaking of"
    who = who.rpartition(";")[2].strip()  # "… may not diverge from the trend; Reed has said"
    who = FROM_PLACE_RE.sub("", who)  # "The 21-year-old, from Bunbury, Western Australia,"
    who = DASH_ASIDE_RE.sub("", who)  # "Islamist websites – some of them close to ISIS –"
    # "If the story is actually true — Islam (told New York that …)": a clause, a dash, the subject
    dashed = DASH_THEN_SUBJECT_RE.match(who)
    if dashed and _clause(dashed.group("head")) and is_speaker(dashed.group("who")):
        who = dashed.group("who")
    # "Two Iraqi military officials, speaking anonymously because they are not authorized …,"
    who = ANONYMOUS_ASIDE_RE.sub("", who)
    aside = PARTICIPLE_ASIDE_RE.match(who)  # "Pope Francis, talking to a distraught boy …,"
    head = who[: aside.start("aside")] if aside else ""
    # a past participle only after a name: "Kasper, informed we'd not confirmed it," (not "The
    # report, released only after …," nor "A group of physicians, alarmed that …,")
    past = aside is not None and not aside.group("aside").rstrip(" ,").split()[0].endswith("ing")
    if aside and is_speaker(head) and not (past and not NAME_ONLY_RE.fullmatch(head)):
        who = head
    # "…, but a Kurdish doctor in the town, who was also injured by the strike,"
    who_clause = RELATIVE_ASIDE_RE.search(who)
    if who_clause and ("," in who[: who_clause.start()] or who_clause.group("where")):
        before_it = _speaker_in(who[: who_clause.start()])
        if before_it:
            return before_it
    relayed = _relayed(who)  # "Quoting two Kurdish fighters, Israel Radio": before the below
    if relayed:
        return relayed
    carried = CARRIED_REPORT_RE.match(who)  # "USA Today carried a similar report that (stated)"
    if carried:
        who = carried.group("who")
    # "the pilot of the army chinook that was attacked by rocket-propelled grenades (told)": the
    # noun the passive clause hangs on, not its agent
    passive = PASSIVE_CLAUSE_END_RE.search(who)
    noun = LEADING_FILLER_RE.sub("", who[: passive.start()]) if passive else ""
    if noun and is_speaker(noun):
        who = noun
    where = WHERE_CLAUSE_RE.search(who)  # "The gunmen ran to the Parliament, where witnesses"
    if where and is_speaker(where.group("who")):
        return where.group("who")
    # "The locals living not far from the crater", "refugees watching their town from a
    # hilltop nearby": a participle's phrase on a plural noun, whole (not cut at "from")
    watching = PARTICIPLE_SUBJECT_RE.match(who)
    if watching and not re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", who):
        return who
    if PARTICIPLE_LEAD_RE.match(who) or CONTACTED_LEAD_RE.match(who):
        who = who.rpartition(",")[2].strip()  # "Detailing the results …, analyst X", "Reached
        # for comment by The Huffington Post on Wednesday, an AutoNation spokesman"
    relative_speaker = RELATIVE_SPEAKER_RE.search(who)  # "…, which Boston.com said had been …"
    if relative_speaker and is_speaker(relative_speaker.group("who")):
        # "Morrison did reference his testimony, in which he", "Israel Radio aired an interview
        # with Rosenberg earlier in November in which she": the last name before the clause
        said_by = relative_speaker.group("who").lower()
        pronoun = said_by in ("he", "she")
        head = who[: relative_speaker.start()]
        names = [
            m.group() for m in CAPITALISED_RUN_RE.finditer(head)
            if not re.fullmatch(rf"{WEEKDAYS}|{MONTHS}|(?:The|A|An|In|On|At|But|And|As)", m.group())
            # a subject opening the sentence, or a name after "with", "by": not "a Syrian
            # activist YouTube channel"
            and (m.start() == 0 or re.search(r"\b(?:with|by|from|of|for)\s+$", head[: m.start()]))
        ]  # fmt: skip
        return names[-1] if pronoun and names else relative_speaker.group("who")
    story = STORY_ON_RE.match(who)  # 'The story on "news" website National Report says'
    if story and is_speaker(story.group("who")):
        return story.group("who")
    lead = LEADING_TIME_RE.match(who)
    named = NAME_IN_CLAUSE_RE.search(TIME_WORDS_RE.sub("", lead.group("lead"))) if lead else None
    if lead and is_speaker(lead.group("who")) and not named:  # "In September, Choe Kwan-il"
        who = lead.group("who")
    medium = MEDIUM_LEAD_RE.match(who)  # "In the clip the group (said)": no comma after it
    if medium and is_speaker(medium.group("who")):
        who = medium.group("who")
    who = _unmarked_lead(who) or who  # "By the next year Williams (was claiming)"
    who = re.sub(r"^(?:according to|per) [^,]+,\s*", "", who, flags=re.IGNORECASE)
    who = ASIDE_RE.sub("", who.rstrip(" ,"))
    second = SECOND_PREDICATE_RE.match(who)  # "They are yet to trace the victim, but said"
    subject = _subject(second.group("clause") or second.group("single")) if second else None
    if subject:
        return subject
    if not who.endswith(" who") and not NAME_AT_END_RE.search(who):
        who = RELATIVE_TO_VERB_RE.sub("", who)  # "lawmakers who said" is handled below
    restricted = RESTRICTIVE_WHO_RE.match(who)
    if restricted and not is_speaker(who) and is_speaker(restricted.group("who")):
        who = restricted.group("who")  # "A spokesperson who did not wish to be named"
    who = MEDIUM_TAIL_RE.sub("", who) or who
    compound = COMPOUND_RE.match(who)
    if compound and is_speaker(compound.group("subject")):
        return compound.group("subject")
    relative = re.search(r"\s+who$", who) is not None  # "lawmakers who said"
    who = SUBORDINATE_START_RE.sub("", re.sub(r"\s+who$", "", LEADING_FILLER_RE.sub("", who)))
    if relative:  # "… drew ire from lawmakers who said": the noun the clause hangs on
        # "CNN interviewed Peter Henderson, who said": the one interviewed (not "reached out
        # to X, who denied …", which reports the contact)
        interviewed = INTERVIEWED_RE.search(who)
        who = re.split(r"\s(?:from|by|of|among|with|to|for|on|at|in)\s|,\s*", who)[-1] or who
        if interviewed and not is_speaker(who):
            who = interviewed.group("who")
    if not is_speaker(who):
        who = CIRCUMSTANCE_RE.sub("", who)
    if is_speaker(who) and not PRONOUN_TAIL_RE.search(who):  # "…, he said": the pronoun speaks
        return who
    # "In a joint statement published Oct. 25, the Russian and Syrian defense ministries": the
    # subject after a leading phrase, whole (not cut at its "and")
    leading, comma, last = who.rpartition(",")
    last = last.strip()
    clause_before = FINITE_VERBS.search(leading) or PAST_VERB_RE.search(leading)
    if comma and clause_before and len(last.split()) <= 6 and last.lower() not in PRONOUNS:
        apposed = _apposed_to_name(leading, last)
        if apposed:
            return apposed
        if is_speaker(last):
            return last  # "The supplies were provided by Kurdish authorities, the official"
    opener = leading.split()[0].lower() if leading.split() else ""
    single = comma and "," not in leading and not re.match(r"(?i)an?\s", last)
    if single and opener in NOT_SPEAKER_START and last.lower() not in PRONOUNS and is_speaker(last):
        return last
    titled = NAME_THEN_TITLE_RE.search(who)  # "…, Chris Jones, vice president and principal
    if titled and is_speaker(titled.group("name")):  # analyst with Canalys Insight": not cut
        return titled.group("who")  # at its "and"
    clause = re.split(rf"[\s—–](?:{CLAUSE_BREAKS})\s", who)
    # "but General Mark Milley, chairman of …"; not "from Syria nine days ago, security officials"
    name, _, description = clause[-1].partition(",")
    aside_free = re.sub(r",\s*(?:however|though|too|also|meanwhile)\b", "", clause[-1].rstrip(" ,"))
    appositive = (
        name[:1].isupper()
        and aside_free.count(",") == 1
        and not (
            re.search(r"\b(?:ago|days?|weeks?|months?|years?|yesterday|today)\b", name)
            or len(name.split()) == 1
            and re.search(r"[^s]s$", description.strip())
            or re.fullmatch(r"[A-Z][\w'’-]+", description.strip())  # "Master Gee, Mallie"
        )
    )  # a time, or one word before a plural, is no name: "from Syria, security officials"
    route = re.search(r"\s(?:to|into|toward|towards)\s", clause[-1])  # "Mexico City to Acapulco"
    # "held by ISIS in Syria and Iraq": two places after one preposition, not a new subject
    places = len(clause) > 1 and re.search(
        r"\b(?:who|which|that)\b.*\b(?:in|of|from|at|across|between)\s+[A-Z][\w’'-]+$", clause[-2]
    )  # inside a relative clause: not "The talks were held in Geneva and Lavrov said"
    if (
        len(clause) > 1
        and ("," not in clause[-1] or appositive)
        and not route
        and not (places and len(clause[-1].split()) <= 2)
        and is_speaker(clause[-1])
    ):
        return clause[-1]  # "The denial comes a day after Lebanese authorities"
    head, tail = leading, last
    affiliated = re.match(r"of\s+(?:the\s+)?[A-Z]", tail)  # "Humberto Garcia, of the Astronomy …"
    apposed = _apposed_to_name(head, tail) if is_speaker(tail) or affiliated else None
    if apposed:
        return apposed
    if not head:
        words = who.split()
        tail = words[-1] if words and words[-1].lower() in PRONOUNS else ""
        head = " ".join(words[:-1])
    if not tail or not is_speaker(tail):
        return None
    subject = _subject(head) if tail.lower() in ("they", "it") else None
    if subject:
        return subject  # "Police released footage that they said showed …"
    named = NAME_IN_CLAUSE_RE.search(head)
    subordinate = head.split()[0].lower() in SUBORDINATORS if head.split() else False
    if tail.lower() in ("he", "she") and named and subordinate:
        return re.sub(
            r"^(?:When|After|As|While|Before|Since|Although|Though|Once|If)\s+|[’']s$",
            "",
            named.group(),
        )
    return tail


# A name after a comma, then its title without an article to the end: "Chris Jones, vice
# president and principal analyst with Canalys Insight".
NAME_THEN_TITLE_RE = re.compile(
    r",\s+(?P<who>(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,3}),\s+(?!(?:a|an|the)\s)"
    r"(?![a-z]+(?:ed|wn|en|ing)\s)"  # a participle is no title: "Brian Williams, thrown out of"
    r"[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:and|of|for|at|with)\b[^,;:]{2,100})$"
)


def _apposed_to_name(head: str, tail: str) -> str | None:
    """A description after a comma is an apposition to the name before it: "…, the Chosun Ilbo,
    South Korea's largest newspaper", "a March 2019 study by the Centre for Economic Policy
    Research, a London-based think tank"."""
    named_before = head.rpartition(",")[2].strip()
    named = re.search(r"\b[A-Z]", named_before) and is_speaker(named_before)
    return f"{named_before}, {tail}" if DESCRIPTION_RE.match(tail) and named else None


def _apposed(who: str) -> str | None:
    """A name with a long apposition after a quote: `…," Dylan Nelson, a postdoctoral fellow at
    the Max Planck Institute …, and co-author of the study, said` (too long for `is_speaker`)."""
    # "Rep. Duncan Hunter Jr., a Marine Corps veteran of …, who was in the meeting": the
    # relative clause on the apposition goes
    bare = who.rstrip(" ,")
    who = RELATIVE_TO_VERB_RE.sub("", bare) if bare.count(",") >= 2 else who
    head, comma, rest = who.partition(",")
    named = re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+){1,4}[A-Z][\w.’'-]+", head.strip())
    described = DESCRIPTION_RE.match(rest.strip()) or TITLE_START_RE.match(rest.strip())
    return who if comma and named and described else None


def _relayed(who: str) -> str | None:
    """The innermost named asserter of a relay ("Quoting two Kurdish fighters, Israel Radio",
    "Yisrael Hayom quotes a senior Kurdish source who"); where the relayed source is unnamed
    ("… Observatory for Human Rights has cited witnesses who"), the source that relays it."""
    bare = re.sub(r"\s+who$", "", who)
    leading = LEADING_RELAY_RE.match(bare)
    if leading and is_speaker(leading.group("who")):
        return leading.group("who")
    relay = RELAY_RE.search(bare)
    if not relay or not is_speaker(relay.group("who")):
        return None
    if re.search(r"[A-Z]", relay.group("who")):
        return relay.group("who")
    outer = re.sub(r"\s+(?:has|have|had|also|has also)$", "", bare[: relay.start()].strip())
    return (_speaker_in(outer) if outer else None) or relay.group("who")


SUBJECT_ENDS = {
    "is", "are", "was", "were", "has", "have", "had", "did", "does", "do", "spoke", "speaks",
}  # fmt: skip
# What else may end a subject before "and said": "X could not confirm the deaths and said".
MODAL_ENDS = SUBJECT_ENDS | {
    "could", "would", "will", "can", "should", "might", "may", "must", "cannot", "declined",
    "refused",
}  # fmt: skip


def _subject(
    clause: str, ends: frozenset[str] | set[str] = SUBJECT_ENDS, *, present: bool = False
) -> str | None:
    """The words before the clause's first verb, when they name a speaker. `present`: a verb
    in the present with its object ends it too ("The masked executioner identifies Sotloff")."""
    words = clause.split()
    for i, word in enumerate(words):
        # "The Sunday Times did not name the killer, saying …", "Mueller spoke of …, saying"
        # a modal ends it only in lower case: "Theresa May", "Can Dundar" are names
        ended = word.lower() in SUBJECT_ENDS or word in ends
        # "The masked executioner": an adjective (read so only with `present`)
        after_determiner = present and i and words[i - 1].lower() in SUBJECT_DETERMINERS
        past = word.endswith("ed") and not after_determiner or word in IRREGULAR_PASTS
        following = words[i + 1] if i + 1 < len(words) else ""
        presently = (
            present
            and re.fullmatch(r"[a-z]{3,}(?<!s)s", word) is not None
            and not after_determiner
            and (following[:1].isupper() or following.lower() in OBJECT_STARTS)
        )  # "identifies Sotloff", "tells the crowd"
        if ended or (i and word.islower() and (past or presently)):
            subject = re.sub(
                r"(?:\s+(?:also|then|later|previously|earlier|first|again|recently))+$",
                "",
                " ".join(words[:i]),
            )
            return subject if i and is_speaker(subject) else None
    return None


SUBJECT_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that"}
OBJECT_STARTS = {"the", "a", "an", "his", "her", "its", "their", "him", "them", "us", "me"}
NOBODY = {"nobody", "no one", "everyone", "everybody", "anyone", "anybody", "none"}


@functools.lru_cache(maxsize=4096)  # pure; asked several times of the same words per sentence
def is_speaker(who: str, *, loose: bool = False) -> bool:
    """A plausible speaker: a noun phrase, not a fragment such as "At the", "He is" or
    "When Afghan President Ashraf Ghani first"."""
    who = who.strip(" ,\"“”'’")
    head = who.split(",")[0].strip()  # "Juan Perez, senior trader at Tempus Inc."
    words = head.split()
    if not words or len(who.split()) > 16 or re.search(r"\b(?:said|says)\b", who):
        return False
    if len(who.split()) >= 3 and who.upper() == who and re.search(r"[A-Z]{2}", who):
        return False  # a page's shouted furniture: "ADD A COMMENTSEE ALL (COMMENTS)"
    if re.fullmatch(rf"(?:{WEEKDAYS}|{MONTHS}|today|yesterday)(?:\s+\w+)?", who.strip(" ."), re.I):
        return False  # "…, said Thursday."
    if RECENT_TIME_RE.fullmatch(who.strip(" .,")):
        return False  # "Indeed in recent days (reports had emerged stating …)"
    first, last = words[0].lower().strip("'’"), who.split()[-1].strip(".,")
    if who.lower().strip(" .") in NOBODY:
        return False  # "Nobody expects the strike to end soon."
    if first in PRONOUNS or last.lower() in PRONOUNS - {"it"}:
        return len(who.split()) == 1  # not "a scenario they"
    if re.search(r"['’]s?$", who):
        return False  # "… that Hunter's (claim is false)": a possessive ends no name
    if last.lower() in ("down", "up", "off", "out", "back", "away"):
        return False  # "Jeh Johnson shot down (claims …)": a verb's particle ends no name
    if any(SHARE_RE.match(part.strip()) for part in who.split(",")):
        return False
    if PARTICIPLE_LEAD_RE.match(who) or CONTACTED_LEAD_RE.match(who):
        return False  # the name after the clause's comma speaks (`_speaker_in` splits it)
    if re.match(r"[A-Z][a-z]+ing\s+(?:the|a|an|his|her|their|its|this|that)\b", who):
        return False  # "Considering the site (labeled itself …)": a clause, no subject
    if re.fullmatch(r"(?i)(?:two|three|four|five|six|seven|eight|nine|ten|one)", who):
        return False  # "Two (state police officers …)": a count, no speaker
    if UNNAMED_REPORTS_RE.fullmatch(who) or who.lower() in ("reports", "rumours", "rumors"):
        return False  # "Reports said that he'd been found dead": nobody named
    if re.search(r"(?i)(?:^|:\s)(?:an?\s+)?(?:earlier|previous|original)\s+version\b", who):
        return False  # "Correction: An earlier version of this article stated that …"
    if PICTURES_RE.match(who):
        return False  # "Pictures posted to social media show …": what they show is no one's word
    if len(who.split()) == 1 and first in ("the", "a", "an"):
        return False  # "The report about …": the noun, not a verb with "The" as its subject
    if POSSESSIVE_SPEAKER_RE.match(who):
        return True
    if re.fullmatch(r"(?i)(?:our|my)\s+(?:[a-z-]+\s+)?(?:source|insider|informant)s?", who):
        return True  # "our source says", "says our insider"
    if re.fullmatch(r"@\w{2,30}", who):
        return True  # "… until today," @abcdedgar tweeted.
    # "Some elements of the intelligence community", "Some Pyongyang watchers"
    some = first == "some" and re.match(r"(?:[A-Z][\w-]*\s+){0,2}[a-z]+s\b", " ".join(words[1:]))
    if first in NOT_SPEAKER_START and not words[0].isupper() and not some:
        return False  # "Some of the …", not "Some elements of the intelligence community"
    contraction = any(
        re.fullmatch(
            r"(?i)(?:it|he|she|that|there|what|who|i|we|you|they)[’'](?:s|d|ll|ve|re|m)", w
        )
        for w in who.split()
    )  # "It's more complicated than", "Inside, there’s seating for four, though VW"
    if last.islower() and last in BAD_ENDINGS or contraction:
        return False  # "… over his", "It's more complicated than"
    if re.match(
        r"(?!(?:king|viking|ring)\b)[a-z]{3,}ing\s+(?:\w+\s+to\b|(?:the|a|an|his|her|their)\s)", who
    ):
        return False  # "allowing customers to order eBay goods …": a participle's clause
    if re.match(SPEECH_PARTICIPLE, who):
        return False  # "…, claiming Turkish intelligence agents (had accused her)"
    if re.search(r"n[’']t\b", who) or re.fullmatch(ADVERB_ALONE, who):
        return False  # "Apple hasn’t (said anything)", "Obviously, (reports that …)"
    if re.search(r"\s(?:which|whose|where)\s", who) and "," not in who:
        return False  # "The meteorite — which experts (say …)", "an employee whose badge"
    document = DOCUMENT_HEAD_RE.match(who)
    verb_before = document and (
        FINITE_VERBS.search(document.group("before"))
        or PAST_VERB_RE.search(document.group("before"))
    )
    if document and not verb_before and DOCUMENT_SUBJECT_RE.search(who):
        return True  # "Records filed with Seminole County court (show)": the participle is no verb
    # "an eyewitness named X", "A site called iKwiz"
    unnamed = re.sub(r"\b(?:named|called)\s+(?=[A-Z]|[a-z]+[A-Z])", "", head)
    unnamed = re.sub(r"\w+(?:-\w+)+", "W", unnamed)  # "Pro-IS sources": no verb "is" inside
    # "Jihadists believed to be loyal to ISIS", "a source said by The Mirror to be close to X"
    unnamed = BELIEVED_TO_BE_RE.sub("", unnamed)
    # a participle as the first adjective: "Heavily outgunned Kurdish defenders", "Armed men"
    unnamed = NOUN_PARTICIPLE_RE.sub("", ADJECTIVE_PARTICIPLE_RE.sub("", unnamed))
    if FINITE_VERBS.search(unnamed) or PAST_VERB_RE.search(unnamed):
        return False  # "Oil fell after sources", "A team led by researchers"
    last_part = who.split(",")[-1].strip() if "," in who else ""
    if (
        last_part
        and not re.match(rf"(?:who|whose|which|that|a|an|the|{CLAUSE_BREAKS}|citing)\b", last_part)
        and re.search(FINITE_VERBS.pattern, last_part)  # lower case: "Said Al-Saudi" is a name
        and not re.search(r"\b(?:reported|reports|said|says)$", last_part)  # ", Reuters reported"
    ):
        return False  # "the exact terms of the trade, which occurred …, have not been"
    if re.search(r"\s(?:after|before|when|while|because|since|until|than)\s", head):
        return False  # "The denial comes a day after Lebanese authorities"
    # "3,248 cases reported", "The 34 deaths reported": a counted thing, not a speaker; a
    # name may end in a number ("EDP 24", "France 24", "Channel 4").
    name_with_number = re.fullmatch(
        r"(?:[A-Z][\w&.-]*\s+)+\d{1,3}|\d{1,2}\s?(?:News|Network|Now)\b.*", head
    )  # "9 News", "7News"
    undated = re.sub(r"\b(?:19|20)\d\d\b", "", head)  # "a March 2019 study by …" names one
    undated = re.sub(r"\b\d{1,3}-year-old\b", "", undated)  # "43-year-old Martin Taylor"
    undated = re.sub(r"\bof \d{1,2} years\b", "", undated)  # "The plumber of 32 years"
    counted = re.search(r"\d", undated) and not re.search(r"[A-Za-z]\d|\d[A-Za-z]", head)
    if counted and not name_with_number:
        return False
    determiner = first in (
        "the", "a", "an", "another", "two", "three", "both", "several", "one", "some",
        "multiple", "numerous", "many", "various", "these", "those",
    )  # fmt: skip
    return (
        loose
        # "iFixit", "9to5Mac", "al-Sunaid"
        or any(w[0].isupper() or re.match(r"[a-z]+-?[A-Z]|\d+[a-z]+\d*[A-Z]", w) for w in words)
        or re.search(r"[a-z\d]\.(?:com|org|net|info|tv|co\.uk)$", who) is not None  # ynetnews.com
        or determiner
        or last.endswith("s")
        # the plural head of "observers of the live broadcast"
        or bool(re.match(r"[a-z]+s\s+of\s", head))
        or bool(re.search(r"(?:people|police|staff|personnel)$", last))
        # "local media", "state television"; not "social media" (no one in particular)
        or bool(
            re.fullmatch(
                r"(?:local|state|national|official)\s+(?:media|television|radio|press)", who
            )
        )
        or bool(DOCUMENT_SUBJECT_RE.search(who))  # "existing research into hibernation"
    )


PICTURES_RE = re.compile(
    r"(?i)(?!.*\bby\s)(?:\w+\s+){0,2}(?:pictures|photos|photographs|images|footage|videos?|clips?|"
    r"screenshots?)(?:\s+(?:posted|uploaded|shared|released|taken|published|of|from|on)\b.*)?$"
)
ADJECTIVE_PARTICIPLE_RE = re.compile(
    r"^(?:[A-Z]?[a-z]+ly\s+)?[A-Za-z][a-z]+ed(?=(?:\s+(?!(?:after|before|by|to|with|in|on|at|"
    r"from|for|than|as|into|over|the|a|an|his|her|their|its)\b)[\w’'-]+){1,3}$)"
)
# A document opening the phrase with no verb before it: "Records filed with Seminole County
# court", "Publically available records with …" (not "Police seized documents kept in …").
DOCUMENT_HEAD_RE = re.compile(
    r"(?i)(?P<before>(?:[\w-]+\s+){0,3}?)(?:records|receipts|documents|filings|transcripts)\s+"
    rf"(?:{DOCUMENT_PARTICIPLES}|with)\b"
)
# A participle's phrase between a speaker and the verb: "Pope Francis, talking to a distraught
# boy whose pet had died, declared …".
# Participles that open a title or a list, not an aside: "managing editor", "including X".
TITLE_PARTICIPLES = (
    r"(?:including|according|managing|acting|presiding|leading|founding|visiting|outgoing|"
    r"incoming|reigning|ruling|governing|commanding|supervising|consulting|ranking|sitting|"
    r"serving|standing|retiring|attending)\b"
)
PARTICIPLE_ASIDE_RE = re.compile(
    rf"^[^,]{{2,80}}(?P<aside>,\s+(?:[a-z]+ly\s+)?(?!{TITLE_PARTICIPLES})[a-z]{{3,}}(?:ing|ed)\s"
    r"[^,\"“”]{2,120},?\s*)$"
)
NAME_ONLY_RE = re.compile(r"(?!(?:The|A|An)\s)(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]+")
RELATIVE_ASIDE_RE = re.compile(
    # where, after a comma: "The sister, who belonged to an order in Macerata, in the eastern
    # Italian region of Le Marche,"
    r",\s+who\s[^,\"“”]{2,120}(?P<where>,\s+(?:in|near|at|outside)\s+[^,\"“”]{2,80})?,\s*$"
)
ANONYMOUS_ASIDE_RE = re.compile(
    r",\s+(?:speaking|talking)\s+(?:anonymously|on (?:the )?condition of anonymity)\b[^,]*,?\s*$"
)
# Participles that are adjectives inside a noun phrase, right after a determiner, a possessive
# or an adverb: "a masked gunman", "the embattled mayor", "the city's newly elected council"
# (not "Troops injured dozens", "The board appointed a new chief"); "gated" anywhere ("the
# upscale gated community").
NOUN_PARTICIPLE_RE = re.compile(
    r"(?:(?<=\bthe )|(?<=\ba )|(?<=\ban )|(?<=\bits )|(?<=\btheir )|(?<=\bhis )|(?<=\bher )|"
    r"(?<=’s )|(?<='s )|(?<=ly ))"
    r"(?:masked|armed|hooded|uniformed|unnamed|unidentified|embattled|beleaguered|retired|"
    r"renowned|celebrated|disgraced|exiled|jailed|detained|wounded|injured|elected|appointed|"
    r"licensed|qualified|trained|experienced|respected|self-described|so-called|alleged|"
    r"suspected|reported|purported)\s+(?=[a-z])|\bgated\s+(?=[a-z])"
)
# A mood written before a name: "Delighted Mrs Smith said", "Bewildered Yen added".
MOOD_BEFORE_NAME_RE = re.compile(
    r"^(?:Delighted|Bewildered|Shocked|Stunned|Excited|Worried|Concerned|Frustrated|Relieved|"
    r"Amused|Confused|Outraged|Furious|Angry|Heartbroken|Devastated|Proud|Thrilled|Tearful|"
    r"Emotional|Distraught|Grateful|Happy|Defiant)\s+(?=[A-Z])"
)


LY_NOUNS = (
    "daily|weekly|monthly|quarterly|yearly|biweekly|family|ally|assembly|rally|supply|homily|"
    "folly|belly|bully|lily|anomaly|monopoly|melancholy|jelly|italy|sally|tally|ugly|only"
)


def clean_who(who: str) -> str:
    """The speaker as written, titles kept: "White House Press Secretary Stephanie Grisham"."""
    who = who.replace("\u00ad", "")  # a soft hyphen is no letter: "Global­Post"
    # "(R-Calif.)" and "X, 31" go; an acronym stays: "the Centre for Disease Control (CDC)"
    who = re.sub(r"\s*\((?![A-Z]{2,6}\))[^)]*\)|,\s*\d{1,3}$", "", who.strip(" ,"))
    who = TIME_TAIL_RE.sub("", CONTACT_TAIL_RE.sub("", who))
    who = WHERE_AFTER_RE.sub("", who)  # "Navkiran, in a report in the Daily Mail"
    who = REASON_AFTER_RE.sub("", who)  # "said Hatchfield, because she did not want to …"
    who = RELAY_TAIL_RE.sub("", who)  # "declared Sheikh X, Reuters reported": X is the source
    who = re.sub(r"\s+(?:all|both|each|too|themselves)$", "", who)  # "… Elmer Tanner all report"
    # an adverb between the speaker and the verb: "the doctor subsequently told him", "One
    # newspaper though, added"
    who = re.sub(
        r"\s+(?:subsequently|reportedly|allegedly|though|however|previously|then|later|"
        r"earlier|again|still|already|initially|originally|repeatedly)$",
        "",
        who,
    )
    # any adverb there: "Vecchi faithfully (recounted)", "The pope personally (debunked)"; not
    # a noun in -ly ("the Italian daily", "the family")
    who = re.sub(rf"(?<=\w)\s+(?!(?:{LY_NOUNS})$)[a-z]{{2,}}ly$", "", who)
    who = MOOD_BEFORE_NAME_RE.sub("", who)  # "Delighted Mrs Smith said"
    who = re.sub(r"^One,\s+(?=(?:an?|the)\s)", "", who)  # "One, an American fighter, said"
    who = re.sub(r"\s+with\s+(?:a|an|his|her|their)\s+\w+$", "", who)  # "Miss Smith with a friend"
    # "One of them, William Martinez, said": the one named
    who = re.sub(
        r"^(?i:one|another|each)\s+of\s+(?i:them|those|the\s+[a-z]+(?:\s+[a-z]+)?),\s+"
        r"(?=[A-Z][\w.’'-]*\s+[A-Z])",
        "",
        who,
    )
    # "Here's how Brown's friend, Dorian Johnson, described the shooting": the manner goes
    who = re.sub(r"^(?:here|this|that)(?:['’]s| is)\s+(?:how|what|why)\s+(?=\S)", "", who,
                 flags=re.IGNORECASE)  # fmt: skip
    who = re.sub(r",\s+(?:quoting|citing)\s.*$", "", who)  # "the group, quoting Twitter accounts …"
    who = who.strip(" ,\"“”'’").rstrip(".") if not who.endswith(("Inc.", "Co.", "Corp.")) else who
    who = re.sub(r"^(?:but|yet|and|so|while|whereas)\s+(?=\S)", "", who)  # "…, yet Nissan says"
    who = _lead_dropped(who)
    who = re.sub(r"^[–—•-]\s*", "", who)  # "– The article claims": a list's dash
    lead, colon, after = who.rpartition(": ")
    label = re.fullmatch(r"[A-Z][a-z]+|[^\"“”]*\b[a-z]+", lead)  # not "… Objects: Finding Them"
    if colon and label and is_speaker(after):
        who = after  # "History buffs, start your engines: CNN (is reporting)"
    # an adverb set off before the speaker: "Primarily, Google", "Yesterday, Bleeding Cool"
    who = re.sub(
        r"^(?:[A-Z][a-z]+ly|Yesterday|Today|Plus|Thus far|So far|Over the weekend),\s+(?=\S)",
        "",
        who,
    )
    return re.sub(r"^The\b", "the", who.strip(" ,\"“”'’"))


# Lead words that may also open an organisation's own name ("Within Reach", "Beneath the
# Waves"): `TITLED_LEAD_RE` keeps such a name whole.
NAMING_LEADS = (
    "about", "underneath", "beneath", "within", "like", "unlike", "after", "before", "during",
    "despite", "following", "under", "with", "without", "thus",
)  # fmt: skip
# A phrase before the speaker, set off by a comma: "Over at Forbes, Eric Savitz notes", "…,"
# near the Turkish border, the FBI said", "Another British citizen, Abu Omar, 19, says".
LEAD_BEFORE_SPEAKER_RE = re.compile(
    r"^(?:(?:over|near|at|in|on|from|inside|outside|amid|also known as|formerly|"
    + "|".join(NAMING_LEADS)
    + r"|(?:north|south|east|west)(?:east|west)?\s+of)\b[^,]*|"
    r"another\s+[a-z][^,]*)"
    r",\s+(?P<who>(?:the\s+(?:[a-z]+(?:\s+[a-z]+)?|(?:[a-z]+\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}"
    r"[A-Z][\w’'-]+)|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]+))$",
    re.IGNORECASE,
)


# A name in title case opening with one of `NAMING_LEADS` is the speaker's own name: "Within
# Reach, a children's charity", "Beneath the Waves, a conservation group".
TITLED_LEAD_RE = re.compile(
    "(?:"
    + "|".join(w.capitalize() for w in NAMING_LEADS)
    + r"|(?:North|South|East|West)(?:east|west)?)"
    r"(?:\s+(?:of|the|and|for|[A-Z][\w’'-]*))+,\s"
)


def _lead_dropped(who: str) -> str:
    lead = LEAD_BEFORE_SPEAKER_RE.match(who)
    if not lead or lead.group("who").lower() in PRONOUNS or not is_speaker(lead.group("who")):
        return who
    if TITLED_LEAD_RE.match(who):
        return who
    return lead.group("who")


def clean_assertion(text: str) -> str:
    """The assertion as a sentence: quotes and trailing separators gone, capital first."""
    text = text.strip()
    if text[:1] in "\"“'‘":  # '“…,”.': the tag's full stop after the quote it ends
        text = re.sub(r"(?<=[\"“”'’])\.$", "", text)
    text = text.strip('"“”').strip()
    if text[:1] in "'‘" and re.search(r"[,.!?…]['’]$", text):  # '…,' in single marks
        inner = text[1:-1]
        if not re.search(r"‘|(?<!\w)'|'(?!\w)|(?<!\w)’|’(?!\w)", inner):  # none inside
            text = inner.strip()
    text = re.sub(r"\s*[,;:—–-]$", "", text)
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:] if text else text


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
