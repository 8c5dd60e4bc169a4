"""Whether a person named in copy is a man or a woman, as far as the name itself says: a
title ("Mrs", "Mr"), a role word ("spokeswoman", "actress") or a common first name. Used only
to keep "she" from resolving to "Christopher Buddle" and "he" to "Taylor Swift"; anything
unsure is None, and None never blocks a resolution.

The first names are a short hand-written list of names common in English-language news
(census-style frequency lists, where a name is used almost only for one sex). A library was
weighed: gender-guesser is GPL (this project is MIT) and names-dataset loads hundreds of
megabytes for a question asked a few times per article."""

import re

FEMALE_NAMES = frozenset(
    re.findall(
        r"[a-z]+",
        """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
    heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
    megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
    alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa
    sophia marie diana brittany natalie isabella charlotte rose alexis kayla lucy chloe jane
    sally louise claire fiona kate sophie holly ellie amelia mia ava lily ella hillary kamala
    oprah serena sheila irene agnes esther eva nina vera olga natasha svetlana tatiana yulia
    fatima aisha ayesha zainab mariam maryam leila layla yasmin hana priya anjali sunita
    camilla harriet imogen georgina lucinda penelope tessa melanie yvonne jenny jenna tina
    gina monica erica veronica bridget caroline katie kathy cathy becky molly sienna zoe
    chelsea kylie marion miriam naomi leah bethany hayley stacey tracey wendy joanne joanna
    susanne suzanne sylvie isabelle nathalie francoise giulia francesca chiara lucia carmen
    pilar
    """,
    )
)
MALE_NAMES = frozenset(
    re.findall(
        r"[a-z]+",
        """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse bryan
    billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph
    eugene russell bobby mason philip louis harry oliver charlie boris barack bernie vladimir
    bashar hosni mohammed muhammad mohammad mohamed ahmed ahmad ali omar abdul abdel hussein
    hussain ibrahim khalid mahmoud mustafa osama ayman yasir yasser salman tariq faisal hamid
    moshe yitzhak shimon igor sergei dmitry ivan nikolai yuri oleg alexei ashraf nawaz imran
    narendra rahul amit sanjay francis benedict ray steve jim tom bill bob mike chris dan dave
    matt nick tim ted ron ken greg jeff fred ben sam pete andy rob rick phil
    dominic craig emmanuel tony neil ian colin graham stuart duncan malcolm gordon derek
    trevor nigel simon martin marcus victor oscar hugo felix luke jake connor liam owen
    aidan callum declan rory angus hamish pierre francois jacques luc marco giuseppe
    giovanni luigi carlos miguel pedro pablo diego rafael javier
    """,
    )
)

FEMALE_WORDS_RE = re.compile(
    r"(?i)\b(?:mrs|ms|miss|madam|dame|lady|queen|princess|duchess|sister|spokeswoman|"
    r"chairwoman|congresswoman|businesswoman|councilwoman|actress|waitress|woman|girl|mother|"
    r"mum|mom|wife|daughter|grandmother|girlfriend|widow|nun|heiress)\b\.?"
)
MALE_WORDS_RE = re.compile(
    r"(?i)\b(?:mr|sir|lord|king|prince|duke|brother|father|spokesman|chairman|congressman|"
    r"businessman|councilman|actor|waiter|man|boy|dad|husband|son|grandfather|boyfriend|"
    r"widower|monk|priest|imam|rabbi|sheikh)\b\.?"
)
FIRST_NAME_RE = re.compile(r"\b[A-Z][a-z]+\b")


def of_name(who: str) -> str | None:
    """ "f", "m" or None: what the words of a speaker's name say of their sex. A role word
    decides before a first name ("Taylor Swift's spokeswoman" is a woman)."""
    female = FEMALE_WORDS_RE.search(who) is not None
    male = MALE_WORDS_RE.search(who) is not None
    if female != male:
        return "f" if female else "m"
    if female:
        return None  # "the mother of a man": both, so unsure
    names = [w.lower() for w in FIRST_NAME_RE.findall(who)]
    for name in names:  # the first name written, after any title
        if name in FEMALE_NAMES:
            return "f"
        if name in MALE_NAMES:
            return "m"
    return None


def fits(who: str, pronoun: str) -> bool:
    """Whether "he" or "she" may stand for the speaker: not when the name says otherwise."""
    sex = of_name(who)
    wanted = {"he": "m", "she": "f"}.get(pronoun.lower())
    return wanted is None or sex is None or sex == wanted
