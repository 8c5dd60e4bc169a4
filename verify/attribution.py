"""Speakers across an article's sentences: pronouns resolved to the last named speaker of the
right kind ("he" to a person, "they" to a group, "it" to an organisation), short names to the
full name used earlier ("Alvarez", "The Chronicle", "the company"), and quotes that run over
several sentences inheriting their speaker. Pure.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from verify import genders, nested, prefilter, speakers
from verify.speakers import Attribution

ORG_WORDS = {
    "agency", "service", "services", "department", "commission", "ministry", "office",
    "company", "co", "co.", "corp", "corp.", "inc", "inc.", "group", "times", "post", "press",
    "news", "reuters", "chronicle", "university", "council", "bank", "government", "kremlin",
    "pentagon", "house", "airline", "airlines", "airways", "productions", "center", "centre",
    "organization", "organisation", "association", "institute", "authority", "board",
    "court", "police", "army", "military", "parliament", "congress", "senate",
    "utility", "paper", "firm", "label", "network", "foundation", "committee", "union",
    "cdc", "who", "npr", "ap", "afp", "bbc", "cnn", "fbi", "nasa", "nato", "un", "eu",
    # Outlets named like people ("The Daily Mail", "Wall Street Journal")
    "mail", "journal", "herald", "tribune", "telegraph", "guardian", "gazette", "magazine",
    "observer", "express", "mirror", "daily", "today", "tv", "radio", "television", "street",
    "hall",
    # names of places, events, laws and things, which no pronoun stands for ("Abortion Act",
    # "Prime Turkey Farm", a page's "Follow Dominic" link)
    "act", "warfare", "international", "farm", "resorts", "follow", "law", "program",
    "programme", "project", "festival", "awards", "cup", "league", "club", "museum", "hospital",
    "school", "college", "airport", "station", "bridge", "store", "restaurant", "hotel",
    "church", "watch",
}  # fmt: skip
# Words that open a phrase naming several people: "two people familiar with the matter".
GROUP_STARTS = {"two", "three", "four", "five", "several", "many", "some", "both", "people"}
# Descriptions that stand for the source last named: "the statement said", "the report found".
STANDS_FOR_SOURCE = {
    "statement", "report", "release", "analyst", "study", "survey", "agreement", "letter",
    "filing", "memo", "note", "story",
}  # fmt: skip
# "The paper claims …", "the newspaper reported": the outlet named last, not the last speaker.
OUTLET_HEADS = {
    "paper", "newspaper", "tabloid", "outlet", "broadcaster", "magazine", "website", "article",
    "site", "publication", "blog",
}  # fmt: skip
SITE_HEADS = {"site", "website", "article", "blog", "post"}
# An outlet named anywhere, speaking or not: "… was named this morning by the Washington Post".
OUTLET_NAME_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:[A-Z][\w&’'.-]*\s+){0,3}(?:Post|Times|Journal|Herald|Tribune|Telegraph|"
    r"Guardian|Gazette|Mirror|Mail|Express|Observer|Chronicle|Independent|Standard)\b"
)
# A website named anywhere: "a site called DeepDotWeb", "satirical website Daily Buzz Live",
# "Huzlers.com" ("the site", "the article" then stand for it).
SITE_NAME_RE = re.compile(
    r"\b(?:[A-Z][\w-]*\.(?:com|net|org|info|fr|es|de|it|co\.uk))\b|"
    r"\b(?:web)?site(?:\s+(?:called|named|known as))?\s+"
    r"(?P<name>[A-Z][\w’'-]*(?:\.[a-z]{2,})?(?:\s+[A-Z][\w’'-]*(?:\.[a-z]{2,})?){0,3})"
)
OUTLET_WORDS = {
    "mail", "journal", "herald", "tribune", "telegraph", "guardian", "gazette", "mirror", "times",
    "post", "news", "express", "observer", "magazine", "daily", "sun", "reuters", "bbc", "cnn",
    "ap", "afp", "npr", "tv", "radio", "television", "chronicle", "standard", "independent",
}  # fmt: skip
# Heads that say nothing of which organisation is meant: "the production company".
GENERIC_HEADS = {"company", "firm", "group", "label", "network", "airline", "carrier", "giant"}
# Titles written before a surname alone: "Miss Bethell", "Sheikh Munajjid".
HONORIFICS = "Mr|Mrs|Ms|Miss|Dr|Prof|Sheikh|Imam|Rabbi|Rev|Rep|Sen|Gov"
# An office's short title before a surname, and the forms it takes before a full name.
OFFICE_RE = re.compile(r"(Rep|Sen|Gov)\b\.?\s")
OFFICE_FORMS = {
    "Rep": r"\b(?:Rep\.?|Representative|Congressman|Congresswoman)\s",
    "Sen": r"\b(?:Sen\.?|Senator)\s",
    "Gov": r"\b(?:Gov\.?|Governor)\s",
}
PERSON_TITLES = re.compile(
    rf"\b(?:{HONORIFICS}|Bishop|Cardinal|President|Secretary|Minister|Senator|Sen|Rep|Gov|"
    r"Governor|Mayor|"
    r"Chief|Director|Chairman|Chairwoman|CEO|Judge|General|Gen|Prince|King|Queen|Pope|"
    r"spokesman|spokeswoman|spokesperson|analyst|strategist|trader|economist|employee|"
    r"doctor|professor|official|meteorologist|director|congresswoman|congressman|senator|"
    r"minister|president|secretary|commander|ambassador|envoy|adviser|advisor|chief|"
    r"executive|reporter|correspondent)\b\.?\s+[A-Z]"
)
# A title standing for the one person who holds it: "The Prime Minister has said …", then
# "It claims …" is not the Prime Minister.
TITLE_ALONE_RE = re.compile(
    r"^(?i:the)\s+(?:(?:Prime|Foreign|Home|Deputy|Vice)\s+)?(?:Minister|President|Secretary|"
    r"Pope|Queen|King|Chancellor|Premier|Governor|Mayor|Senator|Congressman|Congresswoman)$"
)
# Days and months start capitalised pairs that are no names: "Sunday Times", "May Day".
PLACE_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "The", "A", "An", "In", "On", "At", "But", "And", "When", "As",
    # countries and places named like people: "the United States", "Navarro County"
    "United", "States", "Kingdom", "Union", "Republic", "Nations", "Emirates", "County", "City",
    "Street", "Island", "Islands", "New", "Los", "Las", "San", "Santa", "Hong", "Saudi", "Sri",
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
    "St", "Saint", "Fort", "Port", "Mount", "Lake", "Cape",  # "St Petersburg" is a city
}  # fmt: skip
# Words no name is made of: a headline's "He Spends It", "Because Child Was", "How It Works".
NOT_NAME_WORDS = {
    "He", "She", "It", "They", "We", "You", "His", "Her", "Its", "Their", "Our", "Your", "My",
    "How", "What", "Why", "Where", "Who", "Which", "Because", "If", "Is", "Was", "Are", "Were",
    "Has", "Have", "Had", "This", "That", "These", "Those", "Not", "No", "All", "Here", "There",
}  # fmt: skip
FUNCTION_WORDS = {
    "the", "a", "an", "in", "of", "to", "at", "from", "for", "with", "and", "on", "by", "into",
    "across", "near", "over", "than", "as", "or", "about",
}  # fmt: skip
LEADING_NOT_NAME = NOT_NAME_WORDS | {
    "If", "While", "Because", "When", "After", "Before", "Although", "Though", "Since",
    "Unless", "As", "But", "And", "So", "Then", "Now", "Once", "Until",
}  # fmt: skip
# (a name, not a second description: "A witness, a Syrian" stays whole)
DESCRIBED_NAME_RE = re.compile(
    r"^(?i:the|a|an)\s+[a-z][^,]*,\s+(?!(?i:the|a|an)\s)(?P<name>[A-Z][^,]+)$"
)
# One person described, not named: "an AutoNation spokesman", "the official".
DESCRIBED_PERSON_RE = re.compile(
    r"(?i)^(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}(?:spokes(?:man|woman|person)|official|officer|"
    r"source|witness|neighbou?r|man|woman|resident|doctor|lawyer|attorney|expert|analyst|"
    r"teacher|father|mother|friend|owner|employee|worker|agent|driver|pilot|soldier|nurse|"
    r"student|victim|executive|diplomat|commander|investigator|prosecutor|fan|user|reader|"
    r"viewer|customer|passenger|visitor|blogger|journalist|reporter|insider|aide|activist|"
    r"researcher|scientist|professor|author|writer|editor|engineer|farmer|fisherman|guard|"
    r"survivor|patient|relative)"
    r"(?:\s+(?:for|of|at|with|from|in)\s+\S.*)?$"  # "A spokesperson for CareNow"
)
# A person described, not named, after being named: "the student", "the grieving father", "the
# father-of-four", "the 41-year-old" ("the source" and "the spokesman" are looked up by their
# own words first, in `_Context.resolve`).
PERSON_ANAPHOR_RE = re.compile(
    r"^[Tt]he\s+(?:[a-z][a-z-]*\s+){0,2}(?:student|teenager|youngster|expert|scientist|"
    r"researcher|actor|actress|singer|star|pensioner|"
    r"(?:father|mother)[- ]of[- ](?:two|three|four|five|six|seven|eight))$"
)
# A person named by their age: "the 41-year-old", "The 20-year-old woman".
AGE_ANAPHOR_RE = re.compile(
    r"^[Tt]he\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old"
    r"(?:\s+(?:man|woman|boy|girl|teenager|student|mother|father|son|daughter))?$"
)
# A name, then who they are: "Hamish de Bretton-Gordon, a former British army … head".
NAME_THEN_ROLE_RE = re.compile(
    r"^[A-Z][\w’'-]+(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w’'-]+)+,\s+(?:a|an|the)\s"
)
# "the company", "that report", not "The Kremlin"
# "the company", "the production company": a description of a source named before
DEFINITE_RE = re.compile(
    r"^(?:[Tt]he|[Tt]hat|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][a-z-]*\s+){0,2}"
    r"(?P<head>[a-z]+)$"
)
# "the Somali president": a role with the name of where it is held, read only as a person or
# source named before with the same words ("Somali President Hassan Sheikh Mohamud").
PLACED_ROLE_RE = re.compile(r"^[Tt]he\s+(?P<mods>(?:[A-Z][\w-]*\s+){1,2})(?P<head>[a-z]+)$")
# A personal name ending the phrase or followed by its role: "Tim Clark", "Scott Strenfel, …"
NAME_RE = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][\w'’-]+)+(?=,|\s+of\b|$)")
QUOTE_OPEN, QUOTE_CLOSE = "“", "”"
SIGNATURE_RE = re.compile(r"^[—–-]\s*(?P<who>[^.!?()]{2,80}?)\s*\(@\w+\)")
LEAD_IN_RE = re.compile(r"(?i)\b(?:see|read|watch)\b.{0,30}:\s*$|\b(?:tweets?|posts?)\s*:\s*$")


# A person named in passing, titled or not, before a verb or a comma, or at a sentence's end
# after a role: "Vet Faye Bethell used anaesthetic water …", "with founder Marc Benioff.".
# Pronouns fall back to these when no person has spoken yet.
MENTION_RE = re.compile(
    r"\b(?:(?:[A-Z][a-z]+|(?:Dr|Mr|Mrs|Ms|Rep|Sen|Gov|Det|Gen|Sgt|Lt|Capt|Rev|Prof)\.?)\s+)?"
    r"[A-Z][a-z]+\s+[A-Z][a-z]+(?:[A-Z][a-z]+)?"
    r"(?:-[A-Z][a-z]+)?"
    # "from under Dylan Thomas’s skin", "Dylan Thomas’ first trip"
    r"(?=\s+[a-z]|,|[.;:!?](?:\s|$)|[’']s\s|(?<=s)[’']\s)"
)


@dataclass
class _Context:
    people: list[str]
    groups: list[str]
    orgs: list[str]
    every: list[str]
    mentioned: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)  # websites named, speaking or not
    # speakers named with a description, as written: "the man's attorney, Lopa Blumenthal"
    described: list[str] = field(default_factory=list)
    # the speaker of the sentence just before, if it had one
    previous: str | None = None
    # the pronoun a person has been called by in this article
    pronouns: dict[str, str] = field(default_factory=dict)

    def _fits(self, person: str, pronoun: str) -> bool:
        called = self.pronouns.get(person)
        return called == pronoun if called else genders.fits(person, pronoun)

    def mention(self, text: str) -> None:
        """Remember the people and outlets a sentence names, whether or not they speak in it."""
        self.outlets.extend(m.group() for m in OUTLET_NAME_RE.finditer(text))
        self.sites.extend(m.group("name") or m.group() for m in SITE_NAME_RE.finditer(text))
        for match in MENTION_RE.finditer(text):
            ends = text[match.end() : match.end() + 1] in tuple(".;:!?")
            before = text[: match.start()].split()[-1:] or [""]
            if ends and (before[0].lower() in FUNCTION_WORDS or not before[0][:1].islower()):
                continue  # at a sentence's end only after a role: "co-CEO Marc Benioff."
            possessive = text[match.end() : match.end() + 1] in ("’", "'")
            if possessive and not genders.of_name(match.group()):
                continue  # "Dylan Thomas’s skin", not "After Lin's video" or "Fort Worth's"
            name = match.group()
            if name.split()[0] in LEADING_NOT_NAME:  # "If Google recommends", "Because Glide"
                name = name.split(None, 1)[1]
            words = set(name.split())
            if len(words) < 2 or (PLACE_WORDS | NOT_NAME_WORDS) & words:
                continue
            if self.kind(name) == "person":
                self.mentioned.append(_titled(text[: match.start()], name))

    def kind(self, who: str) -> str:
        head = re.split(r",|\s+of\s+", who)[0]  # "Dr. X of the Department of Health and …"
        words = head.split()
        last = words[-1].lower().strip(".,")
        # "officials", "Executives" (opening a sentence); not "… for Human Rights"
        lowered = words[-1][:1].islower() or len(words) == 1
        plural = lowered and last.endswith("s") and last not in ORG_WORDS
        counted = words[0].lower() in GROUP_STARTS or "people" in head.lower().split()
        if " and " in head or plural or counted:  # "two people familiar with the matter"
            return "group"
        if PERSON_TITLES.search(who) or TITLE_ALONE_RE.match(who):
            return "person"
        if last in FAMILY_PLURALS:  # "the Missionary Sisters", "Warner Bros" (not "Dr. Joyce
            return "org"  # Brothers"): no one person
        if len(words) == 1 and any(m.split()[-1] == words[0] for m in self.mentioned):
            return "person"  # "Benioff" after "Salesforce founder Marc Benioff introduced …"
        if re.match(r"[Tt]he\s+\S*[A-Z]", who):
            return "org"  # no person's name takes "the": "the London-based Syrian Observatory"
        name = NAME_RE.search(who)
        org = ORG_WORDS & {w.lower().strip(".,") for w in words}
        return "person" if name and not org else "org"

    def _fullest(self, person: str) -> str:
        """The fullest form of a person named in several ("Commissioner Bratton", then
        "Commissioner Bill Bratton"): the longest one ending in the same surname and holding
        every word of the shorter."""
        words = set(re.sub(rf"^(?:{HONORIFICS})\.?\s+", "", person).split())  # "Mr Abdulla"
        same = [
            p for p in self.people + self.mentioned
            if p.split()[-1] == person.split()[-1] and words <= set(p.split())
        ]  # fmt: skip
        return max(same, key=len, default=person)

    def _described_person(self, who: str) -> str | None:
        """ "the student", "the father-of-four", "the 41-year-old": a person already named,
        the last one the description's sex allows ("the grieving father" is no woman)."""
        aged = AGE_ANAPHOR_RE.match(who)
        if not PERSON_ANAPHOR_RE.match(who) and not aged:
            return None
        sex = genders.of_name(who)
        pronoun = {"m": "he", "f": "she"}.get(sex or "", "")
        # a name mentioned in passing counts only when it reads as a person's: "Mohammed Islam",
        # not "Stuyvesant High School"
        candidates = [
            p for p in self.people + self.mentioned
            if self.kind(p) == "person"
            and (genders.of_name(p) or PERSON_TITLES.search(p) or NAME_THEN_ROLE_RE.match(p)
                 or aged and p in self.people)  # "the 41-year-old" who spoke before
        ]  # fmt: skip
        fitting = [p for p in candidates if not pronoun or self._fits(p, pronoun)]
        return self._fullest(fitting[-1]) if fitting else None

    def _outlets(self) -> list[str]:
        """The outlets that spoke, in order: an organisation with an outlet's word in its name,
        or any speaker described as one ("Italian newspaper Corriere Adriatico")."""

        def words(o: str) -> set[str]:
            return set(re.findall(r"\w+", o.lower()))

        return [
            o for o in self.every
            if OUTLET_HEADS & words(o) or o in self.orgs and OUTLET_WORDS & words(o)
        ]  # fmt: skip

    def _untitled(self) -> list[str]:
        """Speakers that may be organisations named like people ("Big Machine"); not an
        office-holder ("The Prime Minister")."""
        return [
            w for w in self.every if not PERSON_TITLES.search(w) and not TITLE_ALONE_RE.match(w)
        ]

    def remember(self, who: str) -> None:
        described = DESCRIBED_NAME_RE.match(who)
        kind = self.kind(who)
        if described:  # "the group that owns most of her music, Big Machine" → Big Machine,
            self.described.append(who)
            head = who.split()[1].lower()  # an organisation as the words before it say
            who = described.group("name")
            kind = "org" if head in ORG_WORDS | {"group", "label", "owner"} else self.kind(who)
        {"person": self.people, "group": self.groups, "org": self.orgs}[kind].append(who)
        self.every.append(who)

    def resolve(self, who: str) -> str | None:
        """A pronoun, surname or "the company" as the full speaker named earlier."""
        lower = who.lower()
        if lower in ("he", "she"):
            previous = self.previous
            if previous and DESCRIBED_PERSON_RE.match(previous) and self._fits(previous, lower):
                return previous  # "…, an AutoNation spokesman denied …" then "He said …"
            # the last person the pronoun can stand for: "she" is not "Christopher Buddle"
            people = [p for p in self.people if self._fits(p, lower)]
            mentioned = [p for p in self.mentioned if self._fits(p, lower)]
            person = _last(people) or _last(mentioned)
            if not person:
                return None
            self.pronouns[person] = lower  # once "she", not "he" further on
            return self._fullest(person)
        if lower == "they":  # the nearest group or organisation ("Cumbria Police … They")
            plural = [w for w in self.every if w in self.groups or w in self.orgs]
            # never one person: "they told him" after "Dylan Thomas" is his doctors
            return _last(plural) or _last([w for w in self._untitled() if w not in self.people])
        if lower == "it":  # never a person named as one ("Juan Frias")
            untitled = [
                w for w in self._untitled() if w not in self.groups and not genders.of_name(w)
            ]
            return _last(self.orgs) or _last(untitled)
        if lower in ("we", "i"):
            return _last(self.every)
        surname, apposition, _ = who.partition(",")
        # "Mr Madden, a frequent visitor to Pyongyang": the title goes with the apposition
        surname = (
            re.sub(rf"^(?:{HONORIFICS})\.?\s+(?=[A-Z])", "", surname) if apposition else surname
        )
        if apposition and re.fullmatch(r"[A-Z][\w’'-]+", surname):
            fuller = self.resolve(surname)  # "Arroyo, a Sacramento physician" named in full before
            if fuller and fuller != surname:
                return fuller
        placed = PLACED_ROLE_RE.match(who)
        if placed:
            wanted = {w.lower() for w in [*placed.group("mods").split(), placed.group("head")]}
            same = [p for p in self.every + self.mentioned if wanted <= set(p.lower().split())]
            return same[-1] if same else who
        definite = DEFINITE_RE.match(who)
        if definite and definite.group("head").lower() in SITE_HEADS and self.sites:
            return self.sites[-1]  # "the site" after "a site called DeepDotWeb"
        own = who.split()[0].lower() in ("his", "her", "their", "its")  # "her local paper"
        if definite and definite.group("head").lower() in OUTLET_HEADS and not own:
            return _last(self._outlets()) or _last(self.outlets) or who
        if definite and definite.group("head").lower() in STANDS_FOR_SOURCE:
            return _last(self.every) or who
        head = definite.group("head").lower() if definite else ""
        forms = {head} | TITLE_FORMS.get(head, set())  # "the congressman" is "Rep. Duncan Hunter"
        titled = [
            p for p in self.people + self.mentioned if definite and forms & set(p.lower().split())
        ]  # fmt: skip
        if titled:  # "the vet" is "Vet Faye Bethell", "the minister" the minister named
            return self._fullest(titled[-1])
        described = set(who.lower().split()[1:])  # "the intelligence official": both words
        spoke = [
            p for p in self.every + self.described
            if definite and p != who and described <= set(p.lower().replace(",", " ").split())
        ]  # fmt: skip
        if spoke:  # "the source said" after "A source with contacts with Iraqi intelligence said"
            with_name = DESCRIBED_NAME_RE.match(spoke[-1])
            return with_name.group("name") if with_name else spoke[-1]
        person = self._described_person(who)
        if person:
            return person
        if definite and definite.group("head").lower() in ORG_WORDS | {"organisation"}:
            head = definite.group("head").lower()
            named = [o for o in self.orgs if head in o.lower().split()]
            if len(who.split()) > 2 and head not in GENERIC_HEADS:
                return _last(named) or who  # "the health commission" says who it is
            return _last(named) or _last(self.orgs) or _last(self._untitled()) or who
        words = who.split()
        proper = words[0].lower() == "the" and all(w[:1].isupper() for w in words[1:])
        if words[0].lower() in ("a", "an", "the", "another", "one") and not proper or own:
            return who  # "A spokesperson for CareNow" is described, no surname to look up
        if proper:  # "the Mail" is "The Mail on Sunday", "the Observatory" the one named
            words = words[1:] or words  # not "The" alone
        # "Alvarez", "Wee of the Times", "The New York Times"; a name after a lower-case
        # description is the name: "US website TMZ" (not "US", named before in "US reports")
        lowered = len(words) > 2 and any(w.islower() for w in words[1:-1])
        # a possessor before the name is where the person works: "Lego UK’s Emma Owen" is Owen
        owned = re.search(r"\w[’']s\s+[A-Z]", who) is not None
        name = words[-1] if len(words) <= 2 or owned or lowered and " of " not in who else words[0]
        plain = re.sub(rf"^(?:{HONORIFICS})\.?\s+", "", who)  # "Mr. Ibrahim"
        if plain != who:  # "Mr. Murren of MGM" is Murren
            words = plain.split()
            name = plain.split(" of ")[0].split()[-1]
        common = name.lower().strip(".,") in ORG_WORDS  # "Police" is no surname
        if (
            len(words) <= 4
            and name[:1].isupper()
            and not PERSON_TITLES.search(plain)
            and (proper or not common)
        ):
            # "Miss Bethell" is also "Vet Faye Bethell", a person named in passing
            passing = list(reversed(self.mentioned)) if plain != who or len(words) == 1 else []
            # the name as the head, not where a person works: "Glide" is not "Chaim Haas, head
            # of communications at Glide"
            found = [
                e for e in [*reversed(self.every), *passing]
                if e != who and re.search(_naming(name), e)
                and not re.search(rf"\b(?:at|of|for|from|with)\s+(?:the\s+)?{_naming(name)}", e)
            ]  # fmt: skip
            office = OFFICE_RE.match(who)
            if office:  # "Gov. Cuomo" is the governor named before, never "Chris Cuomo"
                found = [
                    e for e in found
                    if re.search(OFFICE_FORMS[office.group(1)], e)
                    and re.search(rf"{_naming(name)}(?=\s*(?:,|\(|$))", e)
                ]  # fmt: skip
            # the fullest form: "Tim Morrison, a former …" over "Morrison, Vindman's superior"
            full = [e for e in found if re.search(rf"\b[A-Z][\w.’'-]*\s+{_naming(name)}", e)]
            if full or found:
                return (full or found)[0]
        return who


# Capitalised words of a title before a name: "Homeland Security Secretary Jeh Johnson".
TITLE_BEFORE_RE = re.compile(r"(?:\b[A-Z][a-z]+\s+){1,3}$")
TITLE_WORD_RE = re.compile(
    r"(?:Commissioner|Prosecutor|Attorney|Sheriff|Superintendent|Inspector|Officer|Lieutenant|"
    r"Sergeant|Captain|Colonel|Major|Admiral|Deputy|Councilman|Councilwoman|Chancellor|"
    r"Premier|Speaker|Spokesman|Spokeswoman|Coach|Manager)\s"
)


FAMILY_PLURALS = {"sisters", "brothers", "bros", "sons", "daughters", "partners", "associates",
                  "friends", "fathers", "mothers"}  # fmt: skip


def _titled(before: str, name: str) -> str:
    """A name mentioned in passing with the capitalised words of its title before it, so
    that a later "he" is the speaker as first written ("Police Commissioner Bill Bratton")."""
    title = TITLE_BEFORE_RE.search(before)
    if not title or not (PERSON_TITLES.match(name) or TITLE_WORD_RE.match(name)):
        return name  # only a title's words: "… Secretary Jeh Johnson", not "Reuters Jeh …"
    words = title.group().split()
    while words and (words[0] in PLACE_WORDS or words[0].lower() in FUNCTION_WORDS):
        words = words[1:]  # "But Homeland Security …": not the sentence's first word
    return " ".join([*words, name])


def named_earlier(name: str, earlier: list[str]) -> str:
    """A short name ("Hunter") as the fuller speaker named before it ("Rep. Duncan Hunter")."""
    last = name.split()[-1].removesuffix("’s").removesuffix("'s") if name.split() else ""
    if len(name.split()) > 2 or not last[:1].isupper():
        return name
    found = [e for e in earlier if e != name and re.search(_naming(last), e)]
    return found[-1] if found else name


# The written titles of a role named by its noun: "the congressman" after "Rep. Duncan Hunter".
TITLE_FORMS = {
    "congressman": {"rep.", "rep", "representative"}, "congresswoman": {"rep.", "rep"},
    "senator": {"sen.", "sen"}, "governor": {"gov.", "gov"}, "detective": {"det.", "det"},
    "doctor": {"dr.", "dr"}, "professor": {"prof.", "prof"}, "general": {"gen.", "gen"},
    "sergeant": {"sgt.", "sgt"}, "lieutenant": {"lt.", "lt"}, "captain": {"capt.", "capt"},
    "reverend": {"rev.", "rev"},
}  # fmt: skip


def _naming(name: str) -> str:
    """A pattern for a name used as the head of an earlier speaker, not as its possessor:
    "Austria" is not "Austria's interior minister", "Swift" is not "Swift's label"."""
    return rf"\b{re.escape(name)}\b(?!['’]s\b)"


def _last(items: list[str]) -> str | None:
    return items[-1] if items else None


def attribute_all(
    texts: list[str], paragraph_starts: frozenset[int] = frozenset()
) -> list[Attribution]:
    """Each sentence's speaker, resolved against the sentences before it (and, for a quote
    that runs over several sentences, the sentence where its speaker is named).
    `paragraph_starts` holds the indices of the sentences that open a line of their own."""
    found = _transcript(texts, [speakers.attribute(text) for text in texts], paragraph_starts)
    context = _Context([], [], [], [])
    resolved: list[Attribution] = []
    for text, a in zip(texts, found, strict=True):
        for relay in speakers.ACCORDING_RE.finditer(text):  # "…, according to Sui-Lee Wee"
            if relay.group("who") != a.who and speakers.is_speaker(relay.group("who")):
                context.remember(speakers.clean_who(speakers.source_of(relay.group("who"))))
        inner = nested.find(text)
        if inner and inner.claimant:  # "… a Daily Mirror report that …": a source named
            context.remember(inner.claimant)
        pronoun = a.who is not None and a.who.lower() in ("he", "she")
        # centering: "Al-Baghdadi called for … He said …" (read only for a pronoun)
        subject = (
            _previous_subject(resolved, texts, len(resolved), context, a.who.lower())
            if pronoun and a.who
            else None
        )
        if a.who is not None and a.who.lower() == "it":
            # "Religion News Service was among the first …" then "It said …"
            subject = _organisation_before(resolved, texts, len(resolved), context)
        # "I later found that …", "we have determined that …" outside any quote: the writer
        quoted = _quotes(text) or text.lstrip()[:1] in "'‘"  # "'I had already told work …"
        writer = a.who is not None and a.who.lower() in ("i", "we") and not quoted
        who = subject or (context.resolve(a.who) if a.who and not writer else None)
        if who:
            context.remember(who)
        context.previous = who
        context.mention(text)
        resolved.append(replace(a, who=who))
    inherited = _quotes_inherit(texts, resolved, paragraph_starts)
    signed = _posts_signed(texts, inherited, paragraph_starts)
    signed = _comments_signed(texts, _letters_signed(texts, _repeats_signed(texts, signed)))
    return _quotes_signed(texts, signed)


# A letter to an advice column or an editor: "DEAR ABBY: My husband …" down to its signature
# line, "-- BEATEN UP IN CALIFORNIA" (capitals, as the columns sign them).
LETTER_OPENER_RE = re.compile(r"^(?:DEAR|Dear)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*[:,]")
# The sentence splitter may leave the dashes off: a line of capitals of two words or more.
LETTER_SIGNATURE_RE = re.compile(
    r"^(?:--|—|–)?\s*(?P<who>[A-Z][A-Z0-9,.’'&-]*(?:\s+[A-Z0-9,.’'&-]+){1,8})$"
)
LETTER_LENGTH = 40  # sentences: a letter longer than this is no column letter


def _letters_signed(texts: list[str], found: list[Attribution]) -> list[Attribution]:
    """Every sentence of a signed letter is its writer's, from its "Dear …:" opening to the
    signature line: what the writer reports others said is still the writer's account."""
    result = list(found)
    for i, text in enumerate(texts):
        signed = LETTER_SIGNATURE_RE.match(text.strip())
        if not signed:
            continue
        for j in range(i - 1, max(-1, i - LETTER_LENGTH), -1):
            if LETTER_SIGNATURE_RE.match(texts[j].strip()):
                break  # the letter before, signed already
            if LETTER_OPENER_RE.match(texts[j].strip()):
                writer = signed.group("who").strip()
                for k in range(j, i):
                    result[k] = replace(result[k], who=writer)
                break
    return result


# A reader's comment under an article opens with a header: the commenter's name glued to when
# it was posted, and its votes ("Neal KrawetzYesterday 19:58", "Joe Galvin04:21+1"). The widget
# prints them with no space between, which no byline, schedule or live blog's stamp does ("By
# Sarah Jones 08:15", "Kick Off 19:45", "Tom Baker Today 10:31").
COMMENT_HEADER_RE = re.compile(
    r"^(?!(?:Posted|Updated|Published|Edited|Added|Modified|Created|Last|By)\b)"
    r"(?P<who>[A-Z][a-z.’'-]+(?: [A-Z][a-z.’'-]+){1,3}?)(?:(?:Yesterday|Today)\s*|(?=\d))"
    r"\d{1,2}:\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:[+-]\d{1,4})?$"
)
COMMENT_HEADERS = 2  # a thread: one such line alone may be anything


URL_LINE_RE = re.compile(r"\(?https?://\S+$")


def _comments_signed(texts: list[str], found: list[Attribution]) -> list[Attribution]:
    """A comment is its commenter's, from its header line to the next comment's: what they
    write in the first person ("I found this picture on Twitter") and what they leave
    unattributed; a source they quote keeps its own name ("Emergent is saying …")."""
    result = list(found)
    headers = [COMMENT_HEADER_RE.match(text.strip()) for text in texts]
    if sum(h is not None for h in headers) < COMMENT_HEADERS:
        return result
    commenter: str | None = None
    for i, text in enumerate(texts):
        header = headers[i]
        if header:
            commenter = header.group("who")
            continue
        wordless = URL_LINE_RE.match(text.strip()) or not re.search(r"[^\W\d_]{2}", text)
        if commenter and result[i].who is None and not wordless:  # not a link, not "2" votes
            result[i] = replace(result[i], who=commenter)
    return result


# A person's name opening a sentence as its subject: "Al-Baghdadi called for attacks …".
# A person described, not named, opening the sentence: "The nun, who came to Italy …".
DESCRIBED_SUBJECT_RE = re.compile(r"^[Tt]he\s+([a-z]+),\s")
SUBJECT_NAME_RE = re.compile(
    r"^(?:(?:[A-Z][\w’'.-]+|envoy|spokes(?:man|woman|person)|minister|secretary|president|"
    r"director|chief|official|leader|commander|analyst|professor)\s+){0,3}[A-Z][\w’'-]+"
    r"(?<![’']s)"  # not "Lin’s (business is)"; an apposition may come between name and verb:
    # "Lance Reynolds, another soldier who had been on the Chinook, also lashed out"
    # (a person's: not "Manchester City, the Premier League champions, signed")
    r"(?=(?:,\s+(?:a|an|another|his|her|their)\s[^\"“”]{2,160}?,)?"
    r"\s+(?:has\s+|had\s+|also\s+|then\s+)?[a-z]+(?:ed|s)\b)"
)


OPENING_WORDS = "|".join(
    {w for w in NOT_NAME_WORDS | LEADING_NOT_NAME if w[:1].isupper()}
    | {"As", "When", "While", "After", "Before", "Since", "Though", "Although", "But", "And"}
)


def _previous_subject(
    resolved: list[Attribution], texts: list[str], i: int, context: "_Context", pronoun: str
) -> str | None:
    """The previous sentence's subject (`_subject_before`) if `pronoun` ("he", "she") can
    stand for it: "After the final, Roger Federer praised Serena Williams." then "She said …"
    is not Federer (the context, which knows her, decides)."""
    subject = _subject_before(resolved, texts, i, context)
    if subject:
        return subject if context._fits(subject, pronoun) else None
    # "The nun, who came to Italy …" then "She says …": a person described, not named, when
    # no one named earlier could be "she"
    described = (
        DESCRIBED_SUBJECT_RE.match(texts[i - 1].strip()) if i and not resolved[i - 1].who else None
    )
    if not described or genders.of_name(described.group(1)) != {"he": "m", "she": "f"}[pronoun]:
        return None
    known = [p for p in context.people + context.mentioned if context._fits(p, pronoun)]
    return None if known else f"the {described.group(1).lower()}"


def _organisation_before(
    resolved: list[Attribution], texts: list[str], i: int, context: "_Context"
) -> str | None:
    """The organisation the sentence before names as its subject, when it has no speaker of
    its own: "Religion News Service was among the first media to set the record straight."
    then "It said in an article …"."""
    if not i or resolved[i - 1].who:
        return None
    opening = speakers.LEADING_FILLER_RE.sub("", texts[i - 1].strip())
    subject = ORG_SUBJECT_RE.match(opening)
    if not subject or subject.group(1).split()[0] in PLACE_WORDS:
        return None
    name = subject.group(1)
    return name if context.kind(name) == "org" and speakers.is_speaker(name) else None


# An organisation opening a sentence as its subject: "Religion News Service was …", "The
# Associated Press has …".
ORG_SUBJECT_RE = re.compile(
    r"^((?:The\s+)?[A-Z][\w&.’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.’'-]*){0,5})"
    r"(?<![’']s)\s+(?:was|is|has|had|also|then|first|later|[a-z]+ed)\b"
)


def _subject_before(
    resolved: list[Attribution], texts: list[str], i: int, context: "_Context"
) -> str | None:
    """The person the sentence before names as its subject, when it has no speaker of its own:
    a pronoun opening the next sentence most likely means them. Only a name already known as a
    person's ("Al-Baghdadi" after "Abu Bakr al-Baghdadi") or a full name of two words or more."""
    if not i or resolved[i - 1].who:
        return None
    opening = texts[i - 1].strip()
    opening = speakers.LEADING_FILLER_RE.sub("", speakers.OPENING_PHRASE_RE.sub("", opening))
    subject = SUBJECT_NAME_RE.match(opening)
    if not subject or subject.group().split()[0] in PLACE_WORDS:
        return None
    name = subject.group()
    last = name.split()[-1]
    known = [
        p for p in context.people + context.mentioned
        if re.search(rf"(?i)\b{re.escape(last)}$", p)
    ]  # fmt: skip
    if known:
        return known[-1]
    if len(name.split()) >= 2:
        return name if context.kind(name) == "person" else None
    # a surname alone: the full name written earlier ("Islamic State leader Abu Bakr al-Baghdadi")
    fuller = re.compile(rf"\b(?:[A-Z][\w.’'-]*\s+){{1,3}}(?i:{re.escape(last)})\b(?!['’]s)")
    earlier = [m.group() for t in texts[: i - 1] for m in fuller.finditer(t)]
    # no opening word of a sentence or clause: "As Josh …", "When Ashraf Ghani …"
    named = [re.sub(rf"^(?:(?i:{OPENING_WORDS})\s+)+", "", e) for e in earlier]
    named = [e for e in named if len(e.split()) >= 2]
    return named[-1] if named else None


def _posts_signed(
    texts: list[str], found: list[Attribution], paragraph_starts: frozenset[int]
) -> list[Attribution]:
    """An embedded post is the words of the account whose signature line follows it ("— The
    Nigerian Senate (@NGRSenate) October 9, 2018"): up to three sentences back, stopping at
    another signature, a lead-in ("See tweets:") or a sentence with a speaker of its own, and
    never past the post's own paragraph: the page's sentences before it ("The original tweet,
    below, was posted to an account …") are the reporter's, whether the signature stands on its
    own line or is glued to the post's last words ("… Hurts!— Quinn Nelson (@SnazzyQ) …")."""
    result = list(found)
    for i, text in enumerate(texts):
        signed = SIGNATURE_RE.match(text.strip())
        if not signed:
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            if SIGNATURE_RE.match(texts[j].strip()) or LEAD_IN_RE.search(texts[j]) or found[j].who:
                break
            result[j] = replace(result[j], who=speakers.clean_who(signed.group("who")))
            if j in paragraph_starts:
                break
    return result


# A transcript's turn: "Hunter: At least ten ISIS fighters have been caught …", "Van Susteren:
# How do you know that?". A name of up to three words before a colon, opening the line.
TURN_RE = re.compile(r"^(?P<who>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}):\s+(?=[\"“‘'A-Z0-9])")
TURN_LABELS = speakers.LABELS | {
    "q", "a", "question", "answer", "note", "correction", "claim", "fact", "verdict", "rating",
}  # fmt: skip


def _transcript(
    texts: list[str], found: list[Attribution], paragraph_starts: frozenset[int]
) -> list[Attribution]:
    """An exchange printed as a transcript: two names or more, each opening two lines or more
    with a colon, one turn a question at least. Each turn is its speaker's, down to the next
    turn or the next paragraph (a caption's label, "Tragic: Serena Shim …", opens one line)."""
    turns = [TURN_RE.match(text.strip()) for text in texts]
    names = [
        t.group("who") if t and t.group("who").lower() not in TURN_LABELS else None for t in turns
    ]
    # "Greta:" is the "Greta Van Susteren:" of the first turn
    fuller = {n: _fuller_label(n, names) for n in names if n}
    names = [fuller[n] if n else None for n in names]
    counts = Counter(name for name in names if name)
    speaking = {n for n, c in counts.items() if c >= 2 and speakers.is_speaker(n)}
    # an exchange asks: a team's notes in a match report ("Thunder: F Hamidou Diallo missed …",
    # "Lakers: …") take turns too, but nobody asks anything
    asked = any(name in speaking and "?" in text for name, text in zip(names, texts, strict=True))
    # an interview whose questions carry no name: people (two words or more) answer in turns
    # and the page asks something ("Mohammed Islam: It was hyped up beyond belief.")
    people = [
        n for n in speaking
        if len(n.split()) >= 2 and not ORG_WORDS & {w.lower() for w in n.split()}
    ]  # fmt: skip
    asked = asked or len(people) >= 2 and any(_asks(text) for text in texts)
    if len(speaking) < 2 or not asked:
        return found
    result, current = list(found), None
    for i, (text, name) in enumerate(zip(texts, names, strict=True)):
        turn = turns[i]
        if name in speaking and turn is not None:
            current = name
            rest = text.strip()[turn.end() :]
            result[i] = Attribution(name, speakers.clean_assertion(rest), "said")
        elif name or i in paragraph_starts:
            current = None
        elif current and not found[i].who:
            result[i] = replace(found[i], who=current)
    return result


def _fuller_label(name: str, names: list[str | None]) -> str:
    """The longest label that opens or ends with this one's words ("Greta Van Susteren" for
    "Greta"), else the label itself."""
    words = name.split()
    longer = {
        n for n in names
        if n and len(n.split()) > len(words)
        and (n.split()[: len(words)] == words or n.split()[-len(words) :] == words)
    }  # fmt: skip
    # only one can be meant: "Kelly:" beside "Megyn Kelly:" and "Kelly Ayotte:" is neither
    return longer.pop() if len(longer) == 1 else name


def _asks(text: str) -> bool:
    return text.rstrip(" \"”’'").endswith("?")


# A name alone on the line after a quotation signs it, as reviews and testimonials are signed:
# "“The show was really great. … Booking was easy.”" then "– Man**" (a masked name) or
# "— Jane Doe". Only a name: capitalised words, asterisks where a site masks them.
QUOTE_SIGNATURE_RE = re.compile(r"^[—–]\s*(?P<who>[A-Z][\w*.’'-]*(?:\s+[A-Z][\w*.’'-]*){0,3})$")
SIGNED_QUOTE_LENGTH = 10  # sentences: a longer quotation is no testimonial


def _quotes_signed(texts: list[str], found: list[Attribution]) -> list[Attribution]:
    """A quotation closed right before a signature line is the signer's, back to the sentence
    that opens it (none of it named a speaker of its own)."""
    result = list(found)
    for i, text in enumerate(texts):
        signed = QUOTE_SIGNATURE_RE.match(text.strip())
        closing = texts[i - 1].rstrip() if i else ""
        if not signed or len(closing) < 2 or closing[-1] not in '”"':
            continue
        if not speakers.is_speaker(signed.group("who")):
            continue
        for j in range(i - 1, max(-1, i - 1 - SIGNED_QUOTE_LENGTH), -1):
            opening = texts[j].lstrip()
            if len(opening) > 1 and opening[0] in '“"':
                run = range(j, i)
                if not any(found[k].who for k in run):
                    for k in run:
                        result[k] = replace(result[k], who=signed.group("who"))
                break
    return result


def _repeats_signed(texts: list[str], found: list[Attribution]) -> list[Attribution]:
    """Words repeated verbatim further down the page (a post embedded twice, once with its
    signature and once as plain text) are the same speaker's; each earlier copy lends its
    speaker once, in order, so two people posting the same words keep their own."""
    result = list(found)
    earlier: dict[str, list[int]] = {}  # words → the earlier sentences with a speaker, in order
    for i, text in enumerate(texts):
        if len(text.split()) < 5:
            continue
        key = " ".join(text.split()).lower()
        if found[i].who:
            earlier.setdefault(key, []).append(i)
        elif earlier.get(key):
            result[i] = replace(result[i], who=result[earlier[key].pop(0)].who)
    return result


def _quotes_inherit(
    texts: list[str], found: list[Attribution], paragraph_starts: frozenset[int] = frozenset()
) -> list[Attribution]:
    """Sentences inside one quotation share the speaker named anywhere in it; a wholly quoted
    sentence right after an attributed quote continues it. Read again while it gives more: a
    quote that continues one whose speaker only the first reading found ("“I can’t prove
    anything. … ,” he explains." then "“We have identical phones …") goes on with it. A
    quotation left open at a paragraph's end goes on only into a paragraph that opens with a
    quotation mark, as quotes over several paragraphs are printed, or past the page's furniture
    between them (a photo caption, a subhead, a post's signature): the reporter's next
    paragraph ("YouTube users have been skeptical about Paler Lin's motivation …") is not
    the speaker's."""
    for _ in range(3):
        more = _quote_runs_inherit(texts, found, paragraph_starts)
        if more == found:
            break
        found = more
    return found


def _quote_runs_inherit(
    texts: list[str], found: list[Attribution], paragraph_starts: frozenset[int]
) -> list[Attribution]:
    runs: list[list[int]] = []
    open_quote = single_marks = False
    for i, text in enumerate(texts):
        # a quote open at a paragraph's end runs past furniture (captions, subheads)
        new_paragraph = open_quote and i in paragraph_starts
        if new_paragraph and text.lstrip()[:1] not in QUOTE_MARKS and not _furniture(text):
            open_quote = single_marks = False  # the quote closed with its paragraph
        if open_quote:
            runs[-1].append(i)
        elif _opens(text) and not _closes_all(text):
            j = _quoted_before(texts, found, i)
            previous = texts[j] if j >= 0 else ""
            # a quote right after an attributed sentence, quoted or not ("…, the museum's
            # conservator said." then "'They put the contents back …"), goes on with its source
            opening = text.lstrip()[:1] in "“\"‘'"
            after_quote = _quotes(previous) or previous.endswith(":")
            # a photo caption's source is the caption's own ("Profitable: … according to
            # socialblade.com"), not the next paragraph's quote
            captioned = CAPTION_LABEL_RE.match(previous.strip()) is not None
            follows_quote = (after_quote or opening) and found[j].who and not captioned
            runs.append([j, i] if follows_quote and not found[i].who else [i])
        elif _wholly_quoted(text) and i:
            # a closed quote goes on from one before it, past captions only: a subhead or a
            # line about someone else between them may bring a new speaker
            j = _quoted_before(texts, found, i, narration=False)
            if found[j].who:
                runs.append([j, i])
        if open_quote and single_marks:  # `'They brought her cups of tea …` runs on
            open_quote = SINGLE_CLOSE_RE.search(text) is None
        else:
            was_open = open_quote
            open_quote = (open_quote or _opens(text)) and not _closes_all(text, open_quote)
            single_marks = open_quote and not was_open and not _quotes(text)
    result = list(found)
    for run in runs:
        who = next((found[i].who for i in run if found[i].who), None)
        for i in run:
            if who and not result[i].who:
                result[i] = replace(result[i], who=who)
    return result


def _quoted_before(
    texts: list[str], found: list[Attribution], i: int, *, narration: bool = True
) -> int:
    """The sentence a quote opening at i may continue: the one before, or the one before that
    when what stands between quotes nobody and names no speaker (a line of narration between
    two paragraphs of one speaker's words: only with `narration`), or up to three photo
    captions ("Brutal: Kayla Jean Mueller's death …", "Visit: A sombre-looking King …")."""
    j = i - 1
    between = j >= 1 and not _quotes(texts[j]) and not found[j].who
    if narration and between and _quoting(texts[j - 1]):
        return j - 1
    k = j
    while (
        k >= 0
        and i - k <= 3
        and (_caption_shaped(texts[k]) or narration and _heading_line(texts[k]))
        and not (found[k].who and not CAPTION_LABEL_RE.match(texts[k].strip()))
    ):
        k -= 1
    # the quote's last sentence before them: quoted, or read as the speaker's already
    if k < j and k >= 0 and (_quoting(texts[k]) or found[k].who):
        return k
    return j


# A photo caption as tabloids print one: a label and a colon ("Visit: A sombre-looking …"), or
# a long line with no full stop; not a subhead ("Council response") or a time stamp.
CAPTION_LABEL_RE = re.compile(
    r"^\(?[A-Z][\w’'-]*(?: [\w’'-]+){0,3}: (?=[A-Z])"  # "(ABOVE: …)"
    # "Williams pictured in Iraq in 2003 with Command Sgt. Major Tim Terpack: In a …"
    r"|^[A-Z][^:\"“”]{2,60}\s(?:pictured|seen|shown)\s[^:\"“”]{2,100}: (?=[A-Z])"
)
CAPTION_WORDS = 8


def _caption_shaped(text: str) -> bool:
    text = text.strip()
    unstopped = text[-1:] not in tuple(".!?\"”’'…:") and len(text.split()) >= CAPTION_WORDS
    return not _quoting(text) and (CAPTION_LABEL_RE.match(text) is not None or unstopped)


def _heading_line(text: str) -> bool:
    """A subhead or an embedded post's signature, which a quotation runs past ("Club
    statement", "— Tottenham Hotspur (@SpursOfficial) November 20, 2019")."""
    text = text.strip()
    short = len(text.split()) < 6 and text[-1:] not in tuple(".!?\"”’'…:")
    return short or SIGNATURE_RE.match(text) is not None


def _furniture(text: str) -> bool:
    return _heading_line(text) or _caption_shaped(text)


def _quoting(text: str) -> bool:
    """Quotation marks in the text, double or single ("She said: 'I have never …")."""
    return _quotes(text) or SINGLE_OPEN_RE.search(text) is not None


QUOTE_MARKS = "“\"‘'«„"  # what opens a paragraph that goes on with a quotation

# Single quotation marks, told from apostrophes: one opening a sentence or following a colon
# or comma before a capital, and one closing after punctuation or a word before a space.
SINGLE_OPEN_RE = re.compile(r"(?:^|[:,]\s+)['‘](?=[A-Z0-9])")
SINGLE_CLOSE_RE = re.compile(r"[.?!,…\w]['’](?=[\s.,;:!?)]|$)")


def _quotes(text: str) -> bool:
    return bool(re.search(r"[“”\"]", text))


def _opens(text: str) -> bool:
    """Whether the text opens a quotation: a curly opening mark, or an odd straight mark that
    starts the text or follows a space or colon (`… said in a statement: "The station …`), or
    in copy quoting with single marks (`She said: 'I'm not sure why …`), one left open."""
    odd = text.count('"') % 2 == 1
    spaced = odd and re.match(r'\s*"\s(?=[A-Z])', text)  # `" The course of steroids continued`
    if QUOTE_OPEN in text or spaced or odd and re.search(r'(?:^|[\s:(])"(?=\S)[^"]*$', text):
        return True
    single = SINGLE_OPEN_RE.search(text) if not _quotes(text) else None
    return single is not None and not _single_closed(text, single.end())


# A single mark opening a quote inside a quote: "… was like 'Saving Private Ryan' and …".
INNER_SINGLE_OPEN_RE = re.compile(r"(?<=\s)['‘](?=[A-Z0-9])")


def _single_closed(text: str, pos: int) -> bool:
    """Whether a quote opened in single marks before `pos` closes by the text's end: a quote
    inside it opens and closes a pair of its own ("'He had the audacity to tell me the whole
    thing was like 'Saving Private Ryan' and that …" stays open)."""
    inner = len(INNER_SINGLE_OPEN_RE.findall(text, pos))
    return len(SINGLE_CLOSE_RE.findall(text, pos)) > inner


def _closes_all(text: str, already_open: bool = False) -> bool:
    """Whether every quote opened in the text (or before it) is closed by its end; a sentence
    with no quote mark leaves an open quotation open."""
    if QUOTE_OPEN in text or QUOTE_CLOSE in text:
        # a curly quote may close with a straight mark: `“It’s saying …," said Pirozzolo`
        return max(text.rfind(QUOTE_CLOSE), text.rfind('"')) > text.rfind(QUOTE_OPEN)
    single = SINGLE_OPEN_RE.search(text) if not _quotes(text) and not already_open else None
    if single:
        return _single_closed(text, single.end())
    if already_open and '"' not in text:
        return False
    if already_open and re.match(r'\s*"(?:\s|$)', text):
        # the splitter left the closing mark on this line: `" Which, sure, is better …`
        return _closes_all(text.lstrip()[1:])
    if already_open and text.count('"') % 2 == 1 and not text.lstrip().startswith('"'):
        return True  # `All on board were killed," Mujahid said.`: the mark closes the open quote
    return text.count('"') % 2 == 0 or text.rstrip().endswith('"')


def _wholly_quoted(text: str) -> bool:
    stripped = text.strip()
    double = stripped[:1] in '“"' and stripped[-1:] in '”"'
    # in single marks: "'The guests were safe at all times.'" (not an apostrophe's "Jones'")
    single = stripped[:1] in "'‘" and re.search(r"[.!?,…]['’]$", stripped) is not None
    return (double or single) and speakers.attribute(text).who is None


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
