import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from verify import (
    attribution,
    checkable,
    checkworthiness,
    extract,
    genders,
    languages,
    nested,
    notclaims,
    quantities,
    repeats,
    speakers,
)
from verify.sentences import sentences

# Every sentence no rule turns down is kept: these tests are about the rules, not the model.
# Keeps every sentence the rules keep: a sentence that a rule in SOFT_RULES turned down (the
# model's call since the fifth round) stays turned down.
KEEP_ALL = checkable.Model(
    bias=0.0, weights={f"rule:{r}": -50.0 for r in checkable.SOFT_RULES}, threshold=0.01
)


def test_sentences_respect_abbreviations_and_paragraphs() -> None:
    text = "Gen. Kim said it. The U.S. agreed. Mr. Peskov denied it!\n\nNew paragraph here"
    assert [s.text for s in extract.sentences(text)] == [
        "Gen. Kim said it.",
        "The U.S. agreed.",
        "Mr. Peskov denied it!",
        "New paragraph here",
    ]
    for s in extract.sentences(text):
        assert text[s.start : s.end] == s.text


def test_a_full_stop_without_a_space_still_ends_a_sentence() -> None:
    text = "The mayor spoke on Monday.The council met later. Details are at AL.com today."
    assert [s.text for s in extract.sentences(text)] == [
        "The mayor spoke on Monday.",
        "The council met later.",
        "Details are at AL.com today.",
    ]


def test_attribution_leading_reporting_verb() -> None:
    a = extract.attribute(
        "South Korea's spy agency said North Korea is deploying four brigades totaling "
        "12,000 troops."
    )
    assert a.who == "South Korea's spy agency"
    assert a.assertion.startswith("North Korea is deploying four brigades")


def test_attribution_framing_verb_keeps_the_whole_sentence() -> None:
    a = extract.attribute("The Kremlin had called footage of North Korean soldiers fake news.")
    assert a.who == "the Kremlin"
    assert "fake news" in a.assertion


def test_attribution_trailing_inverted_and_according_to() -> None:
    trailing = extract.attribute(
        "There is contradictory information, Kremlin spokesman Dmitry Peskov said."
    )
    inverted = extract.attribute(
        "It is our sovereign right, said Dmitry Peskov, the Kremlin spokesman."
    )
    according = extract.attribute(
        "According to Ukrainian intelligence, about 3,000 troops arrived."
    )
    assert trailing.who == "Kremlin spokesman Dmitry Peskov"  # titles stay with names
    assert inverted.who == "Dmitry Peskov, the Kremlin spokesman"
    assert trailing.assertion == "There is contradictory information."
    assert according.who == "Ukrainian intelligence"
    assert according.assertion == "About 3,000 troops arrived."


def test_said_that_with_an_object_keeps_the_negation() -> None:
    a = extract.attribute(
        "A NATO official said the alliance could not yet confirm that troops were in Russia."
    )
    assert a.who == "A NATO official"
    assert "could not yet confirm" in a.assertion


def test_no_attribution() -> None:
    assert extract.attribute("NATO asked Seoul to send a delegation.").who is None


def test_pronoun_and_surname_resolve_to_earlier_speaker() -> None:
    text = (
        "President Yoon Suk Yeol said the deployment of 12,000 troops was a threat. "
        "He called it a grave security threat to the world on Friday.\n\n"
        "Kremlin spokesman Dmitry Peskov said there was contradictory information in October. "
        "Peskov said that cooperation with North Korea was Russia's sovereign right in 2024."
    )
    by_text = {c.quote[:10]: c.attributed_to for c in extract.claims(text, model=KEEP_ALL)}
    assert by_text["He called "] == "President Yoon Suk Yeol"
    assert by_text["Peskov sai"] == "Kremlin spokesman Dmitry Peskov"


def test_checkworthiness_ranks_specific_attributed_facts_above_opinion() -> None:
    fact = checkworthiness.score(
        "South Korea's spy agency said 12,000 troops were deployed in October.",
        attributed=True,
        n_quantities=1,
    )["score"]
    opinion = checkworthiness.score(
        "I think we should all be proud.", attributed=False, n_quantities=0
    )
    question = checkworthiness.score("What happens next?", attributed=False, n_quantities=0)
    assert fact > 0.8 > 0.3 > opinion["score"] and question["score"] < 0.3


def test_unseen_article_yields_troops_and_fake_news_claims_at_the_top() -> None:
    text = (DATA / "unseen_article.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    found = extract.claims(text)
    top = sorted(found, key=lambda c: -c.checkworthiness)[:6]
    troops = [c for c in top if any(q.value == 12000 and q.unit == "troops" for q in c.quantities)]
    assert troops and "spy agency" in (troops[0].attributed_to or "")
    fake = [c for c in top if "fake news" in c.text]
    assert fake and fake[0].attributed_to == "the Kremlin"


def test_near_duplicates() -> None:
    n = repeats.normalised
    wire = n(
        "North Korea is deploying four brigades totaling 12,000 troops, including special forces."
    )
    copy = n(
        "North Korea is deploying four brigades totalling 12,000 troops including special forces"
    )
    assert repeats.same_claim(wire, copy)
    assert not repeats.same_claim(n("Is it true?"), wire)
    assert not repeats.same_claim(
        n("North Korea sent 12,000 troops"), n("North Korea did not send 12,000 troops")
    )


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_extracts_with_offsets_inside(text: str) -> None:
    for claim in extract.claims(text, model=KEEP_ALL):
        assert text[claim.start : claim.end] == claim.quote
        for q in claim.quantities:
            assert text[q.start : q.end] == q.text
        assert 0 <= claim.checkworthiness <= 1


# Issue 11: speakers, with the real sentences as written


def who(sentence: str) -> str | None:
    return extract.attribute(sentence).who


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Authorities say a stabbing that killed a passenger may have occurred after the attacker "
         "tried to steal another rider’s shoes.", "Authorities"),
        ("The San Francisco Chronicle says police are looking into whether the victim was a good "
         "Samaritan.", "the San Francisco Chronicle"),
        ("“We pray for the full recovery of both men,” said White House Press Secretary Stephanie "
         "Grisham.", "White House Press Secretary Stephanie Grisham"),
        ("“Moreover, Russia also failed to fulfill its agreed cuts in November so far,” "
         "Commerzbank analyst Carsten Fritsch said.", "Commerzbank analyst Carsten Fritsch"),
        ("The men were flown out of the region on US choppers, according to a local police "
         "source.",
         "a local police source"),
        ("Interim BART Police Chief Ed Alvarez told reporters at a news conference that officials "
         "began receiving 911 calls Tuesday afternoon.", "Interim BART Police Chief Ed Alvarez"),
        ("Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services says the "
         "risk from the virus continues.",
         "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services"),
        ("The weather should ease by Thursday morning, allowing PG&E to begin restoring power, "
         "said Mark Quinlan, PG&E's senior director of emergency preparedness and response.",
         "Mark Quinlan, PG&E's senior director of emergency preparedness and response"),
        ("When Afghan President Ashraf Ghani first announced the potential exchange last week, he "
         "said Kabul had ensured that the freed militants would not return to the front line.",
         "Afghan President Ashraf Ghani"),
        ("In a letter calling for the meeting, CPUC President Marybel Batjer said that the lack of "
         "service endangers lives.", "CPUC President Marybel Batjer"),
        ("China has experienced a small smattering of plague infections in recent years—26 cases "
         "and 11 deaths between 2009 and 2018, reports Reuters.", "Reuters"),
    ],
)  # fmt: skip
def test_speaker_patterns_keep_titles(sentence: str, speaker: str) -> None:
    assert who(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "At the reported pricing, the deal values the company at $50 billion.",
        "He is expected to step down next year.",
        "The brain behind this well-timed startup is a former banker.",
        "The virus has been reported in Barry, Berrien, Calhoun and Van Buren counties.",
        "There were 3,248 cases reported in 2015.",
    ],
)
def test_no_fragment_or_reported_in_is_a_speaker(sentence: str) -> None:
    assert who(sentence) is None


def test_pronouns_resolve_to_the_last_named_speaker_of_the_right_kind() -> None:
    text = (
        "Interim BART Police Chief Ed Alvarez told reporters that officials began receiving calls. "
        "He says the man died. Alvarez says transit officers were able to apprehend a suspect. "
        "Berrien County Health Department officials said Monday the victim was one of two people. "
        "They said the death occurred Saturday."
    )
    speakers = [c.attributed_to for c in extract.read(text, model=KEEP_ALL).candidates]
    assert (
        speakers
        == ["Interim BART Police Chief Ed Alvarez"] * 3
        + ["Berrien County Health Department officials"] * 2
    )


def test_a_quote_over_several_sentences_inherits_its_speaker() -> None:
    text = (
        '"I just want to be able to perform my own music," Taylor Swift said. "That\'s it. '
        "I've tried to work this out privately through my team but have not been able to resolve "
        'anything."\n\n“We pray for the full recovery of both men,” said White House Press '
        "Secretary Stephanie Grisham. “We thank the Afghan government for its actions.”"
    )
    found = extract.read(text, model=KEEP_ALL)
    by_quote = {s.text[:12]: s.attributed_to for s in [*found.candidates, *found.skipped]}
    by_quote |= {c.quote[:12]: c.attributed_to for c in found.candidates}
    assert by_quote["I've tried t"] == "Taylor Swift"
    assert by_quote["“We thank th"] == "White House Press Secretary Stephanie Grisham"


def test_the_outlet_that_merely_relays_is_not_the_speaker() -> None:
    sentence = (
        "As yet, there is no epidemiological evidence linking the third plague case to the earlier "
        "two, the Inner Mongolia health commission said, according to Reuters."
    )
    assert who(sentence) == "the Inner Mongolia health commission"


# Issue 11: nested claims


def test_a_disputed_claim_is_queued_as_the_claimants_with_the_dispute_beside_it() -> None:
    (claim,) = extract.claims(
        "The mayor called the utility's claim that power was restored to every home within 12 "
        "hours 'nonsense'."
    )
    assert claim.text == "Power was restored to every home within 12 hours."
    assert claim.attributed_to == "the utility"
    assert (claim.disputed_by, claim.dispute) == ("the mayor", "called it 'nonsense'")
    assert [q.describe() for q in claim.quantities] == ["within 12 hours"]


def test_denied_that_and_disputed_figure() -> None:
    (denied,) = extract.claims("The Kremlin denied that North Korean troops were in Kursk.")
    assert (denied.text, denied.disputed_by) == (
        "North Korean troops were in Kursk.",
        "the Kremlin",
    )
    (figure,) = extract.claims("The ministry disputed the union's figure of 3,000 strikers.")
    assert figure.attributed_to == "the union" and figure.disputed_by == "the ministry"
    assert [q.value for q in figure.quantities] == [3000]


def test_the_kremlin_fake_news_claim_stays_the_kremlins() -> None:
    (claim,) = extract.claims("The Kremlin had called footage of North Korean soldiers fake news.")
    assert claim.attributed_to == "the Kremlin" and claim.disputed_by is None


# Issue 11: not claims


@pytest.mark.parametrize(
    "sentence, why",
    [
        ("NEW YORK (Reuters) -", "dateline"),
        ("HAYWARD, Calif. (AP) —", "dateline"),
        ("(Reporting by Greg Roumeliotis, Joshua Franklin; editing by Martin Howell)", "byline"),
        ("Main image credit: Getty", "caption"),
        ("(Graphic: Global assets in 2019 - here)", "caption"),
        ("WHAT YOU NEED TO MAKE JAM", "heading"),
        ("8-9 ripe pears, cored and peeled", "table"),
        ("Eat every 2–3 hours.", "instruction"),
        ("So, is it true?", "question"),
        ("Alibaba’s listing ceremony is due to be held at the Hong Kong Stock Exchange next "
         "Tuesday.", "prediction"),
        ("U.S. President Donald Trump said he would raise tariffs on Chinese imports if no deal is "
         "reached.", "prediction"),
        ("Sadly, Delhi pollution has become a standard feature of winter season.", "opinion"),
        ("Both sides said they were hopeful the swap could lead to a breakthrough.", "opinion"),
        ("“Let’s face whatever it is together.”", "exhortation"),
        ("http://www.shia-explained.com/my/archives/2364", "link"),
        ("© 2019 Associated Press.", "byline"),
        ("All Rights Reserved.", "boilerplate"),
    ],
)  # fmt: skip
def test_not_claims_are_skipped_with_why(sentence: str, why: str) -> None:
    found = extract.read(sentence, model=KEEP_ALL)  # the rules' verdict (an opinion is soft)
    assert found.candidates == []
    assert [s.reason for s in found.skipped][-1] == why


@pytest.mark.parametrize(
    "sentence, why",
    [
        ("— The Nigerian Senate (@NGRSenate) October 9, 2018", "byline"),
        ("Diana Falzone is a FoxNews.com reporter.", "byline"),
        ("—Copyright the Associated Press", "byline"),
        ("The following chart summarizes the approximate value of the fiscal year 2019 seizures.",
         "caption"),
        ("Here’s the most recent data on drug seizures — cocaine, heroin, marijuana, "
         "methamphetamine, and fentanyl — from Customs and Border Protection.", "caption"),
        ("To create the chart, we converted pounds to grams.", "opinion"),
        ("We rate the statement Mostly True.", "opinion"),
        ("Officials have warned people to stay away from infected areas, and to avoid contact "
         "with rodents.", "exhortation"),
        ("Consumer advocates are urging the PUC to establish backup power requirements.",
         "exhortation"),
        ("\"Please ensure that you utilize accurate information sources when looking on social "
         "media,” Davenport said.", "exhortation"),
        ("Some said they felt dejected that they could not realise their American dream even "
         "after several attempts.", "opinion"),
        ("The former band members also expressed their condolences.", "opinion"),
        ("Current fears about a potential plague outbreak are perhaps being fuelled by China’s "
         "handling of past health crises.", "opinion"),
        ("It’s unclear how pure the seizures were.", "opinion"),
        ("\"Any final agreement on this matter needs to be made directly with Taylor Swift's "
         "management team.", "opinion"),
        ("While the dollar was supported by recent U.S. economic data meeting lowered "
         "expectations, the greenback may be in for some weakness, said Juan Perez.",
         "prediction"),
        ("Assuming the sources are correct, that pegs the anodized aluminum Apple Watch Sport as "
         "the lower-priced $349 model.", "prediction"),
        ("Chissà per quanto ancora riusciranno a spremere il brand de “I Cavalieri dello "
         "Zodiaco”?!", "question"),
    ],
)  # fmt: skip
def test_more_kinds_of_non_claims(sentence: str, why: str) -> None:
    found = extract.read(sentence, model=KEEP_ALL)
    assert found.candidates == []
    assert [s.reason for s in found.skipped][-1] == why


@pytest.mark.parametrize(
    "sentence",
    [
        # Look-alikes that are reports: "US" is not "us", an accusation is an event, a
        # circumstance "remained unclear" is reported, not judged by the writer.
        "The US Justice Department has charged Assange with espionage.",
        "Swift got high profile support last week, after accusing them of trying to stop her "
        "performing her back catalogue.",
        "Bolivia’s public defender’s office said another 30 people had been injured, but added "
        "the exact circumstances of the deaths remained unclear.",
        "An agency spokesman told us that seizures are measured by pounds, not by value.",
    ],
)
def test_reports_that_look_like_non_claims_are_kept(sentence: str) -> None:
    assert extract.read(sentence, model=KEEP_ALL).candidates


def test_indonesian_exhortations_and_figures() -> None:
    text = (
        "Saat Ali jadi khalifah, Siti ‘Aisyah memberontak dalam perang yang disebut Perang Jamal "
        "yang menewaskan 17.000 orang. Jangan lebay dalam mencintai atau membenci sesuatu. "
        "Dari pihak Ali 25.000 orang yang tewas. Kita harus belajar dari sejarah."
    )
    found = extract.read(text)
    assert found.lang == "id"
    assert [[q.describe() for q in c.quantities] for c in found.candidates] == [
        ["17,000 orang"],
        ["25,000 orang"],
    ]
    assert [s.reason for s in found.skipped] == ["exhortation", "opinion"]


@pytest.mark.parametrize(
    "sentence, why",
    [
        ("“We pray for the full recovery of both men,” said White House Press Secretary "
         "Stephanie Grisham.", "prayer"),
        ('"That\'s it.', "fragment"),
        ("Mudah2an kita bisa memahami dan mengamalkan Al Qur’an dan Hadits ini.", "prayer"),
    ],
)  # fmt: skip
def test_prayers_and_quote_fragments_are_not_claims(sentence: str, why: str) -> None:
    assert [s.reason for s in extract.read(sentence).skipped] == [why]


def test_they_said_after_a_quote_is_the_group_named_before() -> None:
    text = (
        "The group that owns most of her music, Big Machine, says she didn't need their "
        "permission in the first place. But the company says she will be allowed to play her old "
        'tracks at the American Music Awards on Sunday. "At no point did we say Taylor could not '
        'perform on the AMAs," they said in a statement. "In fact, we do not have the right to '
        'keep her from performing live anywhere."'
    )
    speakers = [c.attributed_to for c in extract.read(text, model=KEEP_ALL).candidates]
    assert speakers[0] == "the group that owns most of her music, Big Machine"
    assert speakers[-2:] == ["Big Machine"] * 2  # later references use the name


def test_the_agency_that_carries_the_words_is_not_the_speaker() -> None:
    sentence = (
        "American Kevin King and Australian Timothy Weeks were handed over to US forces in the "
        "country’s southern Zabul province, an insurgent source told Agence France-Presse."
    )
    assert who(sentence) == "an insurgent source"


def test_a_verb_after_the_number_is_not_its_unit() -> None:
    (claim,) = extract.claims(
        "The state’s largest utility decreased the number of people who could be affected from "
        "an original estimate of about 660,000 based on updated forecasts."
    )
    assert [q.describe() for q in claim.quantities] == ["about 660,000"]


def test_a_disputed_claim_by_a_short_name_is_the_named_claimants() -> None:
    text = (
        "Rep. Duncan Hunter said Tuesday night that border officials have caught at least 10 "
        "fighters at the Mexican border. The Department of Homeland Security spokeswoman "
        "disputed Hunter’s claim on Wednesday morning."
    )
    claim = extract.read(text).candidates[-1]
    assert claim.attributed_to == "Rep. Duncan Hunter"
    assert claim.disputed_by == "the Department of Homeland Security spokeswoman"


@pytest.mark.parametrize(
    "text, why",
    [
        ("MUMBAI: Heavy rain flooded the city's suburbs on Monday.", "dateline"),
        ("(Reuters) - The central bank raised rates by a quarter point.", "dateline"),
        ("SPRINGFIELD (March 3, 2015) County officials closed the road.", "dateline"),
        ("[Narrated by Bukhari no. 52, vol. 3]", "reference"),
        ("The chief executive in May unveiled ambitious plans to double the fleet by 2030.",
         "plan"),
        ("In a small saucepan, whisk the eggs with two tablespoons of sugar.", "instruction"),
        ("Two ripe mangoes, a lime, fresh mint, chilli flakes, sea salt, and a 12-ounce jar of "
         "honey.", "table"),
    ],
)  # fmt: skip
def test_datelines_plans_lists_and_steps_behind_a_phrase(text: str, why: str) -> None:
    found = extract.read(text, model=KEEP_ALL)
    assert [s.reason for s in found.skipped][:1] == [why]
    assert not any(c.start == 0 for c in found.candidates)


def test_romance_future_tense_is_a_prediction() -> None:
    text = (
        "Os médicos não sabem quando o hospital estará aberto. A empresa também anunciou que a "
        "fábrica em São Paulo terá 200 vagas para os moradores da região."
    )
    assert {s.reason for s in extract.read(text, model=KEEP_ALL).skipped} == {"prediction"}


def test_past_before_a_future_keeps_the_report() -> None:
    found = extract.read("The 29-year-old flew to Madrid on Sunday and will sign on Monday.")
    assert found.candidates and found.candidates[0].quantities[0].value == 29


def test_an_opinion_section_keeps_only_attributed_sentences() -> None:
    text = (
        "The reform passed in 2019 cut school budgets by 12 percent and failed every family. "
        "The finance minister said on Tuesday that 40,000 jobs were lost in March."
    )
    url = "https://news.example.com/opinion/why-the-policy-failed"
    found = extract.read(text, url=url)
    assert [c.attributed_to for c in found.candidates] == ["the finance minister"]
    assert [s.reason for s in found.skipped] == ["opinion"]
    assert len(extract.read(text, url="https://news.example.com/world/policy").candidates) == 2


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("But the mayor's office replied by saying the pumps were never switched off.",
         "the mayor's office"),
        ("A study published in March by the university found that 40% of wells were dry.",
         "A study published in March by the university"),
        ("The senator also wrote a long letter, pointing out that the fund had been cut twice.",
         "the senator"),
        ("And though the ministry has said that the dam is safe, it has also admitted that "
         "cracks were found.", "the ministry"),
        ("The closure drew anger from residents who said the clinic was the only one nearby.",
         "residents"),
        ("The fire started shortly after midnight, said Ana Lopes from the regional fire "
         "service in an interview on local radio.", "Ana Lopes from the regional fire service"),
    ],
)  # fmt: skip
def test_more_speaker_patterns(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence",
    ["Police found a knife in the car.", "The minister replied to the letter on Monday."],
)
def test_found_and_replied_need_a_reported_clause(sentence: str) -> None:
    assert extract.attribute(sentence).who is None


def test_a_quote_stays_open_over_a_sentence_without_quote_marks() -> None:
    text = (
        'The space agency said in a statement: "The station has enough water for six months. '
        "Its crew of seven checks the tanks every day. Supplies arrive by cargo ship every 90 "
        'days."'
    )
    assert {c.attributed_to for c in extract.claims(text, model=KEEP_ALL)} == {"the space agency"}


def test_an_embedded_post_is_its_accounts() -> None:
    text = (
        "The council shared its decisions on its official account on Tuesday. See tweets:\n\n"
        "Council resolves to reopen the Main Street bridge to traffic from 1 June.\n\n"
        "— Springfield Council (@SpringfieldCC) May 20, 2019"
    )
    (claim,) = [c for c in extract.claims(text, model=KEEP_ALL) if "bridge" in c.text]
    assert claim.attributed_to == "Springfield Council"


def test_it_names_an_organisation_never_a_group() -> None:
    text = (
        "Executives of both companies announced the deal on Monday. "
        "It said an order of 40 jets was worth $9 billion at list prices."
    )
    assert extract.claims(text)[-1].attributed_to != "Executives of both companies"


def test_a_page_in_a_script_of_its_own_is_not_read_as_english() -> None:
    """A Korean TV column (held-out page 9da36ae4) fell back to English, so English mood rules
    and the English check-worthiness floor judged it and kept 37 of its opinion sentences."""
    column = (
        "주말 밤 9시 MBC와 SBS는 막장극의 대결로 붙는 경우가 흔하다. "
        "다만 MBC <숨바꼭질>은 방영을 시작한 지 얼마 되지 않았지만 벌써 지쳐가는 인상이다. "
        "다만 이유리는 작가의 글 솜씨를 많이 타는 배우다."
    )
    assert languages.guess(column) == "ko"
    assert languages.guess("The mayor said 그녀말 was a hit on Monday, and that it was") == "en"
    assert extract.read(column).lang == "ko"


# Held-out news copy (eval/data/claims_heldout.jsonl): speaker classes fixed in issue 11's
# third round. Results and forecasts of a figure, a clause after a weak verb, "confessed",
# "testified", "advises", a carrier after "confirmed to", a passive agent, a compound
# predicate, asides, relative clauses, where the words appeared, an acronym kept, a leading
# circumstance, and a quote whose verb comes before the speaker.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Home Depot (ticker: HD) reported $2.53 in per-share earnings for the third quarter.",
         "Home Depot"),
        ("Wall Street predicted $2.52 a share.", "Wall Street"),
        ("CBS DFW reports the man who kidnapped the child, Michael Webb, was sentenced to life in "
         "federal prison.", "CBS DFW"),
        ("He noted early sexual activity can lead to unwanted consequences such as infertility, "
         "various diseases, miscarriages and premature births.", "He"),
        ("In a three-hour recorded interview with the FBI, Webb confessed to the kidnapping.",
         "Webb"),
        ("The victim's mother testified, describing her daughter as \"brave, strong, and smart\".",
         "the victim's mother"),
        ("The CDC advises the earlier people seek treatment, the more likely it is they will make "
         "a full recovery.", "the CDC"),
        ("On Wednesday, an anonymous source confirmed to Bloomberg that the big spender was "
         "indeed Smith.", "an anonymous source"),
        ("The plan appears consistent with another announced by MOTIE in March, which aimed to "
         "introduce carbon footprint certification rules.", "MOTIE"),
        ("Fort Worth Police Department responded and confirmed that there appeared to be blood on "
         "the front passenger seat.", "Fort Worth Police Department"),
        ("It did not reveal the crash location and said it was withholding the names of those "
         "killed until next of kin could be told.", "It"),
        ("The Afghan Taliban, however, claimed responsibility for shooting down the helicopter.",
         "the Afghan Taliban"),
        ("Mr Bretton-Gordon, who returned from Baghdad last week where he had been advising "
         "security forces, added: \"The main thing is creating fear.\"", "Mr Bretton-Gordon"),
        ("During an earnings call Tuesday, MGM Resorts International revealed that an unnamed "
         "guest had dropped $300,000 on a meal.", "MGM Resorts International"),
        ("According to evidence presented at trial, Webb grabbed the little girl.",
         "evidence presented at trial"),
        ("According to the Centre for Disease Control (CDC) in the US, the plague is treatable "
         "with antibiotics.", "the Centre for Disease Control (CDC) in the US"),
        ("“Our third-quarter results reflected broad-based growth across our business,” said CEO "
         "Craig Menear in the company’s news release.", "CEO Craig Menear"),
        ("“While certainly a disappointing result, we note that [the company] faced a [0.6% to "
         "0.7%] hurricane headwind in Q3,” wrote Fadem in a Tuesday research report.", "Fadem"),
        ("US President Donald Trump has been eager to withdraw, but General Mark Milley, chairman "
         "of the Joint Chiefs of Staff, told US media this month that its forces are likely to "
         "remain \"for several more years\".",
         "General Mark Milley, chairman of the Joint Chiefs of Staff"),
    ],
)  # fmt: skip
def test_news_copy_speaker_classes(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Spot gold added 0.1% to $1,500 an ounce.",
        "A recent report by the agency found nothing.",
        "It was ultimately the efforts of a family friend who spotted Webb's Ford sedan and "
        "called 911.",
    ],
)
def test_weak_verbs_without_a_clause_name_no_speaker(sentence: str) -> None:
    assert extract.attribute(sentence).who in (None, "A recent report by the agency")


def test_a_closing_mark_ends_a_quote_and_the_outlet_voice_after_it_has_no_speaker() -> None:
    """Held-out page 7916ecca: the quote closed with `," Mujahid said.` stayed open, so every
    later sentence in the outlet's own voice was credited to the Taliban spokesman."""
    text = (
        '"The Americans wanted to raid a mujahideen base, but their helicopter was shot down and '
        'caught fire. All on board were killed," Mujahid said. It was not possible to '
        "independently verify the group's claim. The crash comes a day after the Taliban "
        "swapped two Western hostages for three of its commanders."
    )
    said = extract.attribution.attribute_all([s.text for s in extract.sentences(text)])
    assert [a.who for a in said] == ["Mujahid", "Mujahid", None, None]


# Held-out news copy (eval/data/claims_heldout.jsonl): non-claim classes fixed in issue 11's
# third round. A speaker's own stance (quoted or not), reported states of mind, a label that
# ends the sentence, newsroom notes, schedules and goals, expectations, first-person "cannot
# continue", a "SEE ALSO" lead and a shared post.
@pytest.mark.parametrize(
    "sentence, why",
    [
        ("\"We believe that justice has been served in this case.", "opinion"),
        ("And we are thankful for and agree with the Judge's decision to sentence him to life in "
         "prison.", "opinion"),
        ("\"I am confident South Dakota can lead the country in this effort,\" Noem said.",
         "opinion"),
        ("“We interpret lighter [second-half] results to be more tied to timing of returns on "
         "strategic investments versus a softer macro picture.”", "opinion"),
        ("The demand has US officials wondering if higher Chinese purchases of US farm goods "
         "would be enough.", "opinion"),
        ("He’s not the only one who isn’t all that worried.", "opinion"),
        ("Wells Fargo analyst Zachary Fadem points out a couple of additional reasons investors "
         "shouldn’t fret.", "opinion"),
        ("However, with three confirmed diagnoses, the public is beginning to panic over a "
         "potential outbreak.", "opinion"),
        ("But Babici is actually blaming parents for failing to educate their children properly.",
         "opinion"),
        ("Former head of chemical and biological weapons for NATO and the British army Hamish de "
         "Bretton-Gordon described the arachnid attacks as \"madness\".", "opinion"),
        ("Noem called the new campaign a \"bold, innovative effort like the nation has never "
         "before seen.\"", "opinion"),
        ("It was not possible to independently verify the group's claim.", "other"),
        ("Smith did not immediately return a request for comment.", "other"),
        ("Home Depot management hosts a conference call at 9 a.m. ET to discuss results with "
         "analysts and investors.", "plan"),
        ("The goal is to reach everyone in the state and educate them on signs of addiction.",
         "plan"),
        ("Seoul expects PV cell producers to increase the average efficiency of multi-junction "
         "devices from 23% to 35%.", "prediction"),
        ("But we cannot continue to allow our children to be educated about sex on the street and "
         "not in school,” he said.", "exhortation"),
        ("Michelle Obama forgoes a headscarf and sparks a backlash in Saudi Arabia "
         "http://t.co/uycgVygf7V pic.twitter.com/6ICNigFaPT — Washington Post (@washingtonpost) "
         "January 27, 2015", "link"),
        ("@Max_Fisher — Ahmed Al Omran (@ahmed) January 27, 2015", "byline"),
    ],
)  # fmt: skip
def test_news_copy_non_claim_classes(sentence: str, why: str) -> None:
    found = extract.read(sentence, model=KEEP_ALL)
    assert found.candidates == []
    assert [s.reason for s in found.skipped][-1] == why


@pytest.mark.parametrize(
    "sentence",
    [
        "An Alibaba spokesperson declined to comment on the pricing to Reuters.",
        "And though the Chinese CDC has said that there is “no need” for Beijing residents to "
        "worry about the risk of plague infection, it has also acknowledged three cases.",
        "Public Ombudsman Nadia Cruz’s office said the deaths were caused by gunshot wounds and "
        "called on the “interim” government to withdraw military units.",
        'The victim\'s mother testified, describing her daughter as "brave, strong, and smart" '
        "before describing for the jury the horrific details of the attack.",
        "Bomb canisters are being blasted into towns and villages to scatter scorpions and incite "
        "panic, a British military expert has said.",
        "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the "
        "country in the wake of the September 11, 2001 attacks.",
    ],
)
def test_reports_near_those_cues_stay_claims(sentence: str) -> None:
    assert extract.read(sentence, model=KEEP_ALL).candidates


# Round four: classes read from the held-out sets' mismatches, each fixed by a general rule.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a carrier after the speaker: how the words reached the outlet is not who said them
        ("“We received an inquiry from the office of the New York State Attorney General and are "
         "cooperating in the matter,” said a WeWork spokesperson when contacted by Reuters.",
         "a WeWork spokesperson"),
        # when, after the speaker, with the date after the weekday
        ("Protests spread to more than 100 cities, said Amnesty International on Tuesday, "
         "November 19.", "Amnesty International"),
        # a time phrase before the subject
        ("A year ago, NASA announced that nine US companies were eligible to bid for contracts.",
         "NASA"),
        # an adverb between subject and verb
        ("The Wikileaks founder always argued that his fear of being extradited from Sweden to "
         "the US was why he had taken refuge.", "the Wikileaks founder"),
        # speech in the progressive
        ("The Democrats are alleging that Trump's call with his Ukrainian counterpart was "
         "irregular.", "the Democrats"),
        # a possessive speaker after the report
        ("A UK man’s innocent decision to change his bedding caused him to develop a strange, "
         "rare condition that left him gasping for air, his doctors say.", "his doctors"),
        # a name that ends in a number
        ("The man took the pet to Toll Barn Veterinary Centre after noticing it was suffering "
         "from digestive distress, EDP 24 reported.", "EDP 24"),
        # a relay: the innermost named asserter speaks
        ("Quoting two Kurdish fighters, Israel Radio reported Rosenberg was not near Kobani.",
         "two Kurdish fighters"),
        # the source behind the document an "according to" names, and what confirmed it
        ("At least 106 protesters in 21 cities have been killed, according to credible reports "
         "received by Amnesty.", "Amnesty"),
        ("According to eyewitness accounts corroborated by video footage, snipers have also shot "
         "into crowds of people from rooftops.", "eyewitness accounts"),
    ],
)  # fmt: skip
def test_round_four_speaker_classes(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


def test_a_judgement_before_the_report_it_judges_queues_the_report_as_its_source() -> None:
    text = (
        "Robert Plant’s publicist has described as “rubbish” a Daily Mirror report that he "
        "rejected a £500m Led Zeppelin reunion. The paper claims Jimmy Page and John Paul Jones "
        "had both signed on for the tour deal."
    )
    first, second = extract.read(text, model=KEEP_ALL).candidates
    assert (first.attributed_to, first.disputed_by) == ("Daily Mirror", "Robert Plant’s publicist")
    assert first.text == "He rejected a £500m Led Zeppelin reunion."
    assert second.attributed_to == "Daily Mirror"  # "the paper" is the outlet named last


def test_a_possessive_is_not_the_name_it_owns() -> None:
    found = attribution.attribute_all(
        [
            "The building will be turned into a police station, Austria's interior minister said.",
            "Although Hitler was born in Braunau in 1889, Austria argued for decades that it was "
            "the first victim of National Socialism.",
        ]
    )
    assert [a.who for a in found] == ["Austria's interior minister", "Austria"]


@pytest.mark.parametrize(
    "sentence, kept",
    [
        (
            "Analysts expect the Asian market for drones to grow by 20 percent a year by 2022.",
            False,
        ),
        ("Sales are forecast to reach 3 million units in 2021.", False),
        ("The storm is projected to make landfall on Tuesday.", False),
        ("The virus is estimated to have killed 100 people.", True),  # the past, estimated
    ],
)
def test_forecasts_are_predictions(sentence: str, kept: bool) -> None:
    found = extract.read(sentence, model=KEEP_ALL)
    assert bool(found.candidates) is kept
    assert kept or [s.reason for s in found.skipped] == ["prediction"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bloomberg News reported on Friday that WeWork is facing scrutiny from the U.S. "
         "Securities and Exchange Commission over whether it violated financial rules.", 1),
        ("He moved to the U.S. The company followed him.", 2),
        ("Troops left the U.S. In 2019 they returned.", 2),
    ],
)  # fmt: skip
def test_us_before_a_name_goes_on_and_before_a_sentence_opener_ends(
    text: str, expected: int
) -> None:
    assert len(extract.sentences(text)) == expected


def test_a_weak_verb_with_where_the_words_appeared() -> None:
    found = extract.attribute(
        "Listing agent Sabine Rollinger of Vladi Private Islands confirmed in the Telegraph "
        'report: "This island was owned by Tiger Woods, but after his divorce it was sold."'
    )
    assert found.who == "Listing agent Sabine Rollinger of Vladi Private Islands"
    assert found.assertion.startswith("This island was owned by Tiger Woods")


def test_pronouns_and_titles_resolve_to_a_person_named_in_passing() -> None:
    found = attribution.attribute_all(
        [
            "Vet Faye Bethell used anaesthetic water to knock the goldfish unconscious before "
            "clearing blockages with the intricate procedure.",
            '"He was constipated because he had a lump blocking his bottom," she told the BBC.',
            '"I have never done a procedure like that on a goldfish," the vet added.',
        ]
    )
    assert [a.who for a in found] == [None, "Vet Faye Bethell", "Vet Faye Bethell"]


def test_a_relayed_document_names_its_source_for_later_sentences() -> None:
    found = attribution.attribute_all(
        [
            "The crackdown reached more than 100 cities, said Amnesty International on Tuesday, "
            "November 19.",
            "At least 106 protesters in 21 cities have been killed, according to credible reports "
            "received by Amnesty.",
        ]
    )
    assert [a.who for a in found] == ["Amnesty International", "Amnesty International"]


def test_japanese_sentences_are_read_by_their_own_punctuation_and_length() -> None:
    text = (
        "もちろん、Apple社は「脱獄」を認めていません。\n"
        "ではなぜ、不正に改造したiPhoneを販売すると、商標権侵害になるのでしょうか。\n"
        "また、その他にも、\n"
        "もとの商品を小分けにして販売するような行為は、商標権侵害と判断される場合があります。"
    )
    lang, found = extract.readings(text)
    assert lang == "ja"
    assert [(r.sentence.text[:4], r.rule) for r in found] == [
        ("もちろん", None),
        ("ではなぜ", "question"),
        ("また、そ", None),  # one sentence over two lines
    ]
    assert languages.word_count("もちろん、Apple社は「脱獄」を認めていません。") > 3


# Fifth round: speaker classes read from all four development sets, each a general form.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a weekday between a weak verb and "that"
        ("The Financial Times reported Thursday that the bank had hired 40 traders.",
         "the Financial Times"),
        # a conjunction opening the clause that names the speaker
        ("The sedan is 10% lighter than before, yet Honda says it is just as stiff.", "Honda"),
        # a relayed source with a name beats the outlet that quotes it
        ("Kurdish radio quotes a senior Peshmerga commander who confirmed that the road was cut.",
         "a senior Peshmerga commander"),
        # an unnamed relayed source: the one that relays it
        ("In its latest count, the Geneva-based Refugee Council has cited witnesses who said "
         "2,000 people crossed.", "the Geneva-based Refugee Council"),
        # a date phrase before a name with its title
        ("In March, Lee Min-ho, editor of the weekly Hankyoreh 21, told the BBC that sales fell.",
         "Lee Min-ho, editor of the weekly Hankyoreh 21"),
        # a relative clause with "which" after the speaker is not part of it
        ("The Japanese carmaker, which has bet on hydrogen, says the car will cost $60,000.",
         "the Japanese carmaker"),
        # a bare weekday after the speaker
        ("County officials Monday flatly denied the report.", "County officials"),
        # a lower-case title after an inverted "said"
        ("Glaciers thin faster than forecast, said lead author Maria Olsen, a glaciologist.",
         "lead author Maria Olsen, a glaciologist"),
        # a second predicate after a first with commas in it
        ("They have not found the driver, who fled on foot, but said the car was stolen.", "They"),
    ],
)  # fmt: skip
def test_fifth_round_speaker_classes(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


def test_a_capital_after_inc_continues_the_sentence_unless_it_opens_one() -> None:
    text = "The magazine said Vox Media Inc. CEO Jim Bankoff paid. It cost Acme Inc. The firm paid."
    assert [s.text for s in extract.sentences(text)] == [
        "The magazine said Vox Media Inc. CEO Jim Bankoff paid.",
        "It cost Acme Inc.",
        "The firm paid.",
    ]


def test_they_and_it_take_the_nearest_organisation() -> None:
    text = (
        "Detectives were called to the scene on Monday. "
        "Lancashire Police have described the suspect as a man in his 40s. "
        "They have not traced the first victim, who was elderly, but said the attacks are linked. "
        "Two jets were seen, according to a monitoring group. "
        "The Paris-based Observatory for Press Freedom has cited pilots who saw the jets. "
        "Three more flights took place on Tuesday, it said."
    )
    said = extract.attribution.attribute_all([s.text for s in extract.sentences(text)])
    assert said[2].who == "Lancashire Police"
    assert said[-1].who == "the Paris-based Observatory for Press Freedom"


def test_a_spec_with_figures_that_reads_as_a_forecast_is_the_models_call() -> None:
    """A product spec in the future tense ("will be able to go 300 miles") is checkable in the
    gold sets as often as not: with figures, the prediction rule's verdict is a signal."""
    sentence = "The electric wagon will be able to go 280 miles on a full charge, the maker says."
    (reading,) = extract.readings(sentence)[1]
    assert reading.rule == "prediction" and reading.signals["rule:prediction"] == 1.0
    trusting = checkable.Model(bias=0.0, weights={}, threshold=0.01)
    assert extract.read(sentence, model=trusting).candidates
    assert [s.reason for s in extract.read(sentence, model=KEEP_ALL).skipped] == ["prediction"]
    # without figures too, since round twenty-six
    plain = "The company will be able to expand next spring, the maker says."
    assert extract.read(plain, model=trusting).candidates
    assert [s.reason for s in extract.read(plain, model=KEEP_ALL).skipped] == ["prediction"]


@pytest.mark.parametrize(
    "sentence, claimant, disputed_by",
    [
        # a report named by where it appeared, a weekday between the denial and "that"
        ("The consulate in Glasgow has denied reports on local news sites on Friday that it "
         "plans to close.", "local news sites", "the consulate in Glasgow"),
        # the judgement first, the claim's source after its noun
        ("Town officials Wednesday firmly rejected as false a posting on the Daily Satire website "
         "that said the water supply was poisoned.", "the Daily Satire website", "Town officials"),
        # the claimant after the denied claim
        ("Rebel sources denied Saturday night that the pilot had been captured, as claimed by "
         "state television.", "state television", "Rebel sources"),
        # a comment after the disputed claim
        ("The label has denied Smith’s claims, saying they were “wholly untrue.”", "Smith",
         "the label"),
    ],
)  # fmt: skip
def test_fifth_round_nested_forms(sentence: str, claimant: str, disputed_by: str) -> None:
    found = extract.nested.find(sentence)
    assert found is not None
    assert (found.claimant, found.disputed_by) == (claimant, disputed_by)


def test_he_after_a_surname_resolves_to_the_person_named_in_passing() -> None:
    """A surname named in full only in passing ("… with Salesforce founder Marc Benioff.") is a
    person: "he" after "Benioff said" is Benioff, in full, not the last titled speaker."""
    text = (
        'Phones run the office, "and we love that," CEO Anna Lind said on a stage with '
        "founder Marc Benioff. "
        "Apple has long mattered to him, Benioff said. "
        '"I run my company from my phone," he told Lind.'
    )
    said = extract.attribution.attribute_all([s.text for s in extract.sentences(text)])
    assert said[-1].who == "Marc Benioff"


def test_a_surname_with_an_inner_capital_is_a_person_and_a_country_is_none() -> None:
    text = (
        "In May, Sen. Laura McKinley, R-Ohio, toured a port in the United States. "
        "Most of the cargo is never inspected, McKinley said. "
        '"We are flying blind," she said.'
    )
    said = extract.attribution.attribute_all([s.text for s in extract.sentences(text)])
    assert said[-1].who == "Sen. Laura McKinley"  # the fullest form, title kept


def test_the_claimant_after_a_denial_stops_before_its_clause() -> None:
    found = extract.nested.find(
        "Local sources denied on Sunday that the bridge had fallen, as claimed by opposition "
        "websites that reported heavy fighting."
    )
    assert found is not None and found.claimant == "opposition websites"


@pytest.mark.parametrize(
    "sentence",
    [
        # "The report" is the noun, not "The" reporting
        "The report about the ferry's sinking came from a local blogger.",
        # a source that has not confirmed is no speaker
        "The claims have not been confirmed by the Defence Ministry.",
    ],
)
def test_no_speaker_from_a_lone_article_or_a_negated_passive(sentence: str) -> None:
    assert extract.attribute(sentence).who is None


# Round six: speaker classes read from held-out-4 (a development set since its blind score).
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a participle clause before the name is not part of it
        ("Detailing the results in a note to investors on Monday, analyst Steven Milunovich noted "
         "that the first version of the Apple Watch has a number of limitations.",
         "analyst Steven Milunovich"),
        # an adverb between the speaker and the verb is not part of the speaker
        ("“Not the U.S. nor any of the U.S.-backed rebels in area 55 are preventing civilians "
         "from leaving the camp,” the source further said.", "the source"),
        # how the words reached the outlet is no part of who said them
        ("At least three strikes hit a convoy of al-Shabaab vehicles in southern Somalia on "
         "Monday night, according to witnesses and a spokesman for the group who spoke later "
         "with the Associated Press.", "witnesses and a spokesman for the group"),
        # a survey's share is what was found, not who says it
        ("Among respondents who plan to buy a smartwatch, 37 percent said they would purchase a "
         "SamsungGear, while 25 percent said they are waiting for the Apple Watch.", None),
    ],
)  # fmt: skip
def test_round_six_speaker_classes(sentence: str, speaker: str | None) -> None:
    (said,) = attribution.attribute_all([sentence])
    assert said.who == speaker


def test_a_titled_surname_resolves_to_a_person_named_in_passing() -> None:
    texts = [
        "Vet Faye Bethell used anaesthetic water to sedate the fish.",
        "“It was constipated because he had a lump blocking his bottom,” Miss Bethell said.",
        "“The operation went well,” she said.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == [
        None,
        "Vet Faye Bethell",
        "Vet Faye Bethell",
    ]


@pytest.mark.parametrize(
    "sentence, speaker, assertion",
    [
        # a source that puts out a statement speaks; what follows "saying" is the assertion
        ("On Monday, Big Machine Records issued a statement that appeared to make it possible "
         "for Swift to perform her songs at the upcoming American Music Awards.",
         "Big Machine Records", None),
        ("The Pentagon issued a statement saying 200 troops remain at the base.",
         "the Pentagon", "200 troops remain at the base."),
        # studies and data that show something are its source
        ("Studies have shown that lower-income Americans tend to purchase a larger fraction of "
         "their income on goods.", "Studies",
         "Lower-income Americans tend to purchase a larger fraction of their income on goods."),
        # not speech: a product released, plants kept running, a thing shown off
        ("The company released a new phone.", None, None),
        ("The company continued operating its plants.", None, None),
        ("The company showed off its new phone.", None, None),
    ],
)  # fmt: skip
def test_statements_and_findings_name_their_source(
    sentence: str, speaker: str | None, assertion: str | None
) -> None:
    (said,) = attribution.attribute_all([sentence])
    assert said.who == speaker
    assert said.assertion == (assertion or sentence.removeprefix("On Monday, "))


def test_a_statement_quoted_over_two_sentences_keeps_its_source() -> None:
    texts = [
        "Big Machine Records issued a statement on Monday.",
        "“It should be noted that recording artists do not need label approval for live "
        "performances on television.",
        "Record label approval is only needed for contracted artists’ recordings,” the "
        "statement continued.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == ["Big Machine Records"] * 3


@pytest.mark.parametrize(
    "text",
    [
        # a list of names in prose with an irregular verb is no table row
        "In December, the firm bid $16.50 per share for Tribune, the owner of the Chicago "
        "Tribune, New York Daily News, Baltimore Sun and Hartford Courant, and the former owner "
        "of The Times.",
        # game-clock times are no list of numbers
        "Parise’s first-period goals – he scored at 7:14 and on the power play at 19:56 – gave "
        "the Wild a commanding two-goal lead they wouldn’t relinquish.",
        # a name that is also a verb, before its own verb, is no instruction
        "Cook said Apple employs about 450 Dreamers, and he sees the commitment first hand.",
        # an aside in parentheses is prose, not a citation
        "(McKinley’s office did not provide PolitiFact with further information about the bill.)",
    ],
)
def test_prose_that_looked_like_a_list_an_instruction_or_a_citation(text: str) -> None:
    found = extract.read(text, model=KEEP_ALL)
    assert [c.start for c in found.candidates] == [0], found.skipped


def test_a_sentence_that_states_something_before_its_colon_is_no_lead_in() -> None:
    text = (
        "Additionally, CNN’s Hala Gorani said her colleague Nic Robertson saw the first lady’s "
        "non-blurred image on Saudi TV himself:"
    )
    (claim,) = extract.read(text, model=KEEP_ALL).candidates
    assert claim.attributed_to == "CNN’s Hala Gorani"
    assert [s.reason for s in extract.read("Senate resolves to:", model=KEEP_ALL).skipped] == [
        "fragment"
    ]
    denial = nested.find(
        "But NASA denies both the tweet and the bogus claim that a planetary alignment will "
        "somehow let you float for 3 seconds at a time:"
    )
    assert denial is not None and denial.disputed_by == "NASA"
    assert denial.claim.startswith("A planetary alignment will somehow let you float")


def test_a_leading_additionally_is_no_part_of_the_speaker() -> None:
    text = "Additionally, CNN’s Hala Gorani said the first lady’s image was shown on Saudi TV."
    (said,) = attribution.attribute_all([text])
    assert said.who == "CNN’s Hala Gorani"


def test_a_description_after_a_comma_is_an_apposition_to_the_name_before_it() -> None:
    text = (
        "As we’ve noted, a March 2019 study by the Centre for Economic Policy Research, a "
        "London-based think tank, concluded that, using standard economic methods, tariffs cost "
        "consumers $1.4 billion per month."
    )
    (said,) = attribution.attribute_all([text])
    assert said.who == (
        "a March 2019 study by the Centre for Economic Policy Research, a London-based think tank"
    )


# Round six, after the blind score: held-out-5 and -6 (development sets since).
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # "report" is read as a verb first; "noted" after it must still be found
        ("The report noted that al-Baghdadi has two wives but neither is named Saja al Dulaimi.",
         "the report"),
        # a restrictive relative clause is no part of a described source
        ("A spokesperson who did not wish to be named because of agency policy said in a "
         "statement emailed to NBC News that the agency never has administered vaccines.",
         "A spokesperson"),
        ("Iraqi Interior Ministry spokesman Saad Maan Ibrahim has clarified that the woman "
         "identified as Saja Abdul Hamid al Dulaimi is an Iraqi national.",
         "Iraqi Interior Ministry spokesman Saad Maan Ibrahim"),
    ],
)  # fmt: skip
def test_round_six_blind_speaker_classes(sentence: str, speaker: str) -> None:
    (said,) = attribution.attribute_all([sentence])
    assert said.who == speaker


def test_a_surname_resolves_to_the_fullest_form_named_earlier() -> None:
    texts = [
        "Tim Morrison, a former National Security Council official, said he had no concerns.",
        "“That's something I would've expected to be notified about,” Morrison, Vindman's "
        "superior, said.",
        "Morrison testified that he didn't always follow through on suggestions from Sondland.",
    ]
    assert attribution.attribute_all(texts)[-1].who == (
        "Tim Morrison, a former National Security Council official"
    )


def test_a_caption_line_then_a_sentence_that_opens_as_sentences_do_are_two() -> None:
    text = (
        "Photos of ISIS leade al Baghdadi's wife have gone viral YouTube Screenshot\n"
        "An Iraqi official told the Associated Press that the woman detained in Lebanon was not "
        "the wife of Abu Bakr al-Baghdadi."
    )
    assert [s.text[:20] for s in sentences(text)] == [
        "Photos of ISIS leade",
        "An Iraqi official to",
    ]
    wrapped = (
        "The line was wrapped by hand at a point where the sentence goes on\n"
        "the next line, so it stays one sentence."
    )
    assert len(sentences(wrapped)) == 1


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # where the words appeared, after a comma, is no part of the speaker
        ('"They were told that only those who get castrated will be able to meet God," said '
         "Navkiran, in a report in the Daily Mail.", "Navkiran"),
        # "all" after a list of sources is no part of it
        ("Local Emergency Management officials, the Corsicana/Navarro County Health Department "
         "and Navarro County Sheriff Elmer Tanner all report there is no truth to the report.",
         "Local Emergency Management officials, the Corsicana/Navarro County Health Department "
         "and Navarro County Sheriff Elmer Tanner"),
        # research that shows something is its source, a clause after it the finding
        ("And existing research into hibernation shows it gives enhanced radiation protection in "
         "its own right.", "existing research into hibernation"),
        # the analysis's author, past a number written with a comma
        ("The median calaries in a meal from Chipotle, according to an analysis of 3,000 sample "
         "meals by The New York Times' Upshot.", "the New York Times' Upshot"),
        # an outlet inside a report's phrase is not the source behind "of"
        ("According to a report in the Argus Leader of Sioux Falls, Gov. Kristi Noem launched "
         "the campaign on Monday.", "a report in the Argus Leader of Sioux Falls"),
        # a verb's particle ends no name: "shot down claims" is a dispute, not "X shot down"
        ('Homeland Security Secretary Jeh Johnson shot down claims on Thursday that a "porous" '
         "U.S. southern border is allowing terrorists to enter the country.", None),
    ],
)  # fmt: skip
def test_blind_five_and_six_speaker_classes(sentence: str, speaker: str | None) -> None:
    (said,) = attribution.attribute_all([sentence])
    assert said.who == speaker


def test_a_finding_with_a_modal_stays_a_finding() -> None:
    text = (
        "The study found the spacecraft mass could be reduced by a third by removing the crew "
        "quarters with a similar reduction in consumables."
    )
    (claim,) = extract.read(text, model=KEEP_ALL).candidates
    assert claim.attributed_to == "the study"
    assert claim.text == text
    denial = nested.find(
        'Homeland Security Secretary Jeh Johnson shot down claims on Thursday that a "porous" '
        "U.S. southern border is allowing terrorists to enter the country."
    )
    assert denial is not None and denial.disputed_by == "Homeland Security Secretary Jeh Johnson"


def test_the_outlet_relaying_a_titled_speaker_is_no_part_of_them() -> None:
    texts = [
        "“It is not permitted to make a statue out of snow, even by way of play and fun,” "
        "declared Sheikh Mohammed Saleh al-Munajjid, Reuters reported.",
        "Quoting from Muslim scholars, Sheikh Munajjid argued that to build a snowman was to "
        "create an image of man, an action considered sinful under the kingdom’s strict "
        "interpretation of Sunni Islam, Reuters reported.",
        "“God has given people space to make whatever they want which does not have a soul,” he "
        "reportedly wrote in his ruling.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == [
        "Sheikh Mohammed Saleh al-Munajjid"
    ] * 3


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # "points out", also after a leading "As"; a brand written with an inner capital
        ("As iFixit points out in its teardown, the 16-inch MacBook’s keyboard is virtually "
         "identical to the well-loved Magic Keyboard.", "iFixit"),
        ("Quartz points out other companies publicly traded at that same value seem to make "
         "much more money than Snapchat, however.", "Quartz"),
        # a source named in quotes after the verb
        ("The page also contains information according to which boys engage in sexual relations "
         "at age of 11, writes “Dnevni Avaz”.", "Dnevni Avaz"),
        # what a source confirms or recommends is its claim
        ("Police confirmed the shooting at the War Memorial, and sealed off the area while the "
         "injured soldier was given emergency medical aid.", "Police"),
        ("The Centers for Disease Control recommends all individuals above age 6 months get a "
         "flu vaccine by the end of October.", "the Centers for Disease Control"),
        # a phone call, a picture and a source that never said it are no speech
        ("Medics at the clinic called 911 at around 12.30pm to request an ambulance for the "
         "patient.", None),
        ("A video posted on YouTube shows the deliverer being stopped as he handed over the "
         "pizza and then presented with $2,084.", None),
        ("The Islamic Tribunal, on its website or in the Breitbart report, never said it was "
         "trying to overrule existing federal, state, or local laws.", None),
        # a leading clause and a concession are no part of the speaker
        ("Whatever the definition, VW says that, in such a configuration, 0-60 mph could arrive "
         "in 5.0 seconds.", "VW"),
        ("He didn’t return to the game, although Vogel said he was available if necessary.",
         "Vogel"),
        # a reason after the name is not part of it
        ("The block was not flipped upside down, said Hatchfield, because she did not want to "
         "risk dislodging any of the contents.", "Hatchfield"),
    ],
)  # fmt: skip
def test_round_seven_speaker_classes(sentence: str, speaker: str | None) -> None:
    (said,) = attribution.attribute_all([sentence])
    assert said.who == speaker


def test_a_surname_with_an_apposition_and_a_generic_description_resolve_to_the_source() -> None:
    texts = [
        "Dr. Luz Contreras Arroyo, a member of the group, said the clinic was ready.",
        "Physicians are volunteering their time to provide the shots, said Arroyo, a Sacramento "
        "family medicine physician and psychiatrist.",
        "Dick Clark Productions denied the report on Monday.",
        "“At no time did we agree to a statement,” the production company said.",
        "The health commission said in a statement that a 55-year old man had the plague.",
    ]
    said = [a.who for a in attribution.attribute_all(texts)]
    assert said[1] == "Dr. Luz Contreras Arroyo, a member of the group"
    assert said[3] == "Dick Clark Productions"
    assert said[4] == "the health commission"  # a description that says which it is stays


def test_a_match_report_full_of_scores_is_prose_not_a_table() -> None:
    text = (
        "Granollers and Lopez defeated Karen Khachanov and Andrey Rublev 6-4, 7-6 (5) to seal "
        "the victory for Spain in a marathon series. "
        "Guido Pella 6-4, 6-3; Diego Schwartzman 6-2, 6-2; Maximo Gonzalez 6-3, 7-5."
    )
    found = extract.read(text)
    (claim,) = found.candidates
    assert [q.value for q in claim.quantities] == [6, 4, 7, 6, 5]
    assert [s.reason for s in found.skipped] == ["table"]  # the bare results stay a table


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a pronoun after the clause's comma speaks, not the clause
        ("The men remain in detention for unlawful entry, he said.", "he"),
        # a contraction anywhere makes a clause, not a name
        ("Inside, there’s seating for four, though VW says it could add a rear bench instead "
         "and accommodate a fifth person.", "VW"),
        # "where X said"
        ("The block was taken with a State Police escort to the Museum of Fine Arts, where "
         "Hatchfield said it would be X-rayed.", "Hatchfield"),
        # a clause after the speaker that quotes again
        ("“We have confirmed that Ahmed Godane, the co-founder of al-Shabaab, has been killed,” "
         "said rear admiral John Kirby, the Pentagon press secretary, describing it as a “major "
         "symbolic and operational loss”.",
         "rear admiral John Kirby, the Pentagon press secretary"),
        # a leading "According to" names the source of all that follows
        ("According to the Mirror, in 2009, he told friends he had a job waiting for him.",
         "the Mirror"),
    ],
)  # fmt: skip
def test_round_seven_speaker_clauses(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


def test_the_paper_and_the_article_are_the_outlet_named_before() -> None:
    texts = [
        "The 27-year-old was named this morning by the Washington Post and it is understood he "
        "is known to British security services.",
        "The paper described him as being from a well-to-do family in West London.",
        "According to the article, in 2009/2010, Emwazi decided to move to Kuwait, where he told "
        "friends he had a job.",
    ]
    said = [a.who for a in attribution.attribute_all(texts)]
    # naming the man is the paper's claim (round nineteen; the gold sets read it so)
    assert said == ["the Washington Post", "the Washington Post", "the Washington Post"]


def test_a_military_rank_abbreviation_does_not_end_the_sentence() -> None:
    text = "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, told VOA the camp was open."
    assert len(extract.sentences(text)) == 1


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a name with a long apposition after a quote
        ('"Numerical experiments of this kind are particularly successful when you get out more '
         'than you put in," Dylan Nelson, a postdoctoral fellow at the Max Planck Institute for '
         "Astrophysics in Munich, Germany, and co-author of the study, said in a statement.",
         "Dylan Nelson, a postdoctoral fellow at the Max Planck Institute for Astrophysics in "
         "Munich, Germany, and co-author of the study"),
        # a closing quote with a space before it and no comma
        ("“We’ve never had demand that we saw that day, and continue to see ” Mayer said.",
         "Mayer"),
        # a clause after the verb that quotes again
        ('Customers "began to say we want you to do this and that," Cook told Benioff, which '
         'ultimately meant making the "best mobile operating system for enterprise."', "Cook"),
        # a quote read out by a statement
        ('"As Taylor Swift\'s partner for over a decade, we were shocked," the statement read.',
         "the statement"),
        ("He read the book on Tuesday.", None),
        # "has written" after a quote; a speaker never spans a semicolon
        ('"The duty is paid by a U.S. importer — say, Costco," Howard Gleckman, a senior fellow '
         "at the Tax Policy Center, has written.",
         "Howard Gleckman, a senior fellow at the Tax Policy Center"),
        ("The merged Gannett and GateHouse may not diverge from the trend; Reed has said that he "
         "expects to wring as much as $300 million in “synergies” from the combination.", "Reed"),
        # the speaker's name set off by commas before "said"
        ("As forces were heading to the town, they heard what sounded like an “earthquake” as the "
         "bases were hit, the governor of Somalia’s Lower Shabelle region, Abdiqadir Mohamed "
         "Nor, said.", "Abdiqadir Mohamed Nor"),
        ("A team led by researchers out of NASA's Goddard Space Flight Center in Greenbelt, "
         "Maryland, has confirmed traces of water vapor above Europa.", None),
    ],
)  # fmt: skip
def test_round_seven_quote_attributions(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_a_cry_in_quotes_followed_by_its_attribution_is_one_sentence() -> None:
    text = '"We got her, we got her!" officers announced on their radios. "He is in custody."'
    assert [s.text for s in extract.sentences(text)] == [
        '"We got her, we got her!" officers announced on their radios.',
        '"He is in custody."',
    ]


def test_a_denial_of_an_earlier_claim_queues_it_as_the_last_other_speakers() -> None:
    text = (
        "Taylor Swift said Big Machine had blocked her from performing her old songs at the "
        "American Music Awards. "
        "Big Machine flat-out denied the allegations in a statement shared to its website."
    )
    claim = extract.read(text).candidates[-1]
    assert (claim.attributed_to, claim.disputed_by) == ("Taylor Swift", "Big Machine")


def test_a_denial_with_no_earlier_speaker_names_no_claimant() -> None:
    found = nested.find("He denied the charges.")
    assert found is not None and (found.claimant, found.disputed_by) == (None, "He")
    # a denial with its own "that" clause or source is read by the other patterns
    assert nested.find("He denied the allegations in the Times report.") is None


def test_the_subject_after_a_leading_phrase_with_and_in_it_is_whole() -> None:
    sentence = (
        "In a joint statement published Oct. 25, the Russian and Syrian defense ministries "
        "accused U.S. forces of controlling “bandit formations”."
    )
    assert extract.attribute(sentence).who == "the Russian and Syrian defense ministries"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("They discovered that the disk-shaped galaxies common to our cosmic neighborhood "
         "naturally emerged within their simulation.", "They"),
        ("Police discovered a body on Monday.", None),
        ("Some elements of the intelligence community believe the information is strong enough "
         "to classify the man as “confirmed”.", "Some elements of the intelligence community"),
        ("Some of the officials said nothing.", None),
    ],
)  # fmt: skip
def test_discoveries_and_some_group_speak(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_a_byline_glued_before_a_dateline_is_split_off() -> None:
    text = (
        "By Benjamin Kang Lim and Tony Munroe BEIJING/SEOUL, Oct 9 (Reuters) - North Korean "
        "leader Kim Jong Un is in firm control of his government but has hurt his leg, a source "
        "said. By the way, NASA said it."
    )
    assert [s.text for s in extract.sentences(text)] == [
        "By Benjamin Kang Lim and Tony Munroe",
        "BEIJING/SEOUL, Oct 9 (Reuters) -",
        "North Korean leader Kim Jong Un is in firm control of his government but has hurt his "
        "leg, a source said.",
        "By the way, NASA said it.",
    ]


def test_a_newsroom_aside_on_the_source_leaves_the_claim_a_claim() -> None:
    said = "Kim needs about 100 days to recuperate"
    text = f"{said}, said the source, whose information could not be independently verified."
    assert notclaims.reason(text, f"{said}.", attributed=True) is None
    own = "It was not possible to independently verify the group's claim."
    assert notclaims.reason(own, own, attributed=False) == "other"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Some Pyongyang watchers also suggest that Kim may have been sidelined in a power "
         "struggle, a scenario they say was reinforced by the unexpected visit.",
         "Some Pyongyang watchers"),
        ("They confirm the report.", "They"),
    ],
)  # fmt: skip
def test_plural_present_speech_and_no_phrase_ending_in_a_pronoun(
    sentence: str, speaker: str
) -> None:
    assert extract.attribute(sentence).who == speaker
    assert not speakers.is_speaker("a scenario they")


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ('"We worked on adjusting the architecture of the spacecraft," comments Robin Biesbroek '
         "of the CDF.", "Robin Biesbroek of the CDF"),
        ("Kim needs about 100 days to recuperate, said the source, whose information could not be "
         "independently verified.", "the source"),
        ("Johnson touted border security improvements, but said DHS was still working to improve "
         "policies on transparency.", "Johnson"),
        ("Here is how bad things got in the words of the patient: “Two months after the onset of "
         "the symptoms, I was unable to stand or walk.”", "the patient"),
    ],
)  # fmt: skip
def test_comments_a_described_source_after_said_a_second_predicate_and_in_the_words_of(
    sentence: str, speaker: str
) -> None:
    assert extract.attribute(sentence).who == speaker


# Round eight: read from held-out-8 after its blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("In order to make up for the lack of a roof, Lexus Project Manager Fumihiko Hazama shared "
         "with AutoIndustriya.com that they have improved chassis rigidity.",
         "Lexus Project Manager Fumihiko Hazama"),
        ("Posted on social media by the performance analysts at Digital Foundry, the Stadia port "
         "of Rockstar’s Western video game is not entirely smooth.",
         "the performance analysts at Digital Foundry"),
        ("Preliminary tests by Digital Foundry reveal that the game runs at an unstable "
         "performance level.", "Preliminary tests by Digital Foundry"),
        ('"I was walking back home after playing billiards, and suddenly I heard the explosion," '
         "said Victor Gutierrez, a 38-year-old mechanic who lives less than a mile from the site "
         "of the crater.",
         "Victor Gutierrez, a 38-year-old mechanic who lives less than a mile from the site of "
         "the crater"),
        ("An asteroid about 60 feet in diameter missed hitting Earth Sunday by about 25,000 miles, "
         "as predicted by NASA’s Near-Earth Object program.", "NASA’s Near-Earth Object program"),
        # a weak verb with an object, a name given, unnamed reports: no speaker
        ("Bruins 5, Devils 1: David Pastrnak and Matt Grzelcyk scored two goals apiece, and Brad "
         "Marchand added three assists to lead Boston.", None),
        ("On December 17, a site called InSerbia.info published a 400-word piece under the "
         "sensational headline:", None),
        ("According to media reports, this is not the first time Israeli authorities have opened "
         "the floodgates.", None),
        ("The anecdotal chat room evidence described in these reports is not accurate.", None),
    ],
)  # fmt: skip
def test_round_eight_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence, claim, claimant, disputed_by",
    [
        ("But DHS fired back, saying in a statement that Hunter's claim is 'categorically false.'",
         None, "Hunter", "DHS"),
        ("'The suggestion that individuals who have ties to ISIL have been apprehended at the "
         "Southwest border is categorically false,' a spokesman said.",
         "Individuals who have ties to ISIL have been apprehended at the Southwest border.", None,
         "a spokesman"),
        ("Reports that Comcast will deny service to Tor users are false, the company says.",
         "Comcast will deny service to Tor users.", None, "the company"),
    ],
)  # fmt: skip
def test_a_claim_judged_false_is_nested(
    sentence: str, claim: str | None, claimant: str | None, disputed_by: str
) -> None:
    found = nested.find(sentence)
    assert found is not None
    assert (found.claimant, found.disputed_by) == (claimant, disputed_by)
    assert claim is None or found.claim == claim


def test_these_rumors_are_false_keeps_its_speaker() -> None:
    sentence = '"These rumors are false," the agency said in a statement.'
    assert nested.find(sentence) is None


def test_a_bulleted_fact_box_row_is_a_table_row() -> None:
    row = "■ Goldfish have no eyelids, so they have to sleep with their eyes open."
    assert notclaims.reason(row, row, attributed=False) == "table"


# Round nine: read from held-out-9 and -10 after their blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a leading clause ending in a time or a place is no part of the speaker
        ("The Lebanese army detained a wife and daughter of Islamic State leader Abu Bakr "
         "al-Baghdadi as they crossed from Syria nine days ago, security officials said on "
         "Tuesday, in a move seen as likely to put pressure on the Islamist chief.",
         "security officials"),
        ("The Lebanese authorities have also detained the wife of Anas Shirkas, senior Nusra Front "
         "leader from Syria, security officials said on Tuesday.", "security officials"),
        ("A Judd Nelson death hoax struck on Sunday as a FOX News impostor website posted a false "
         "report stating that the “Brat Pack” actor was found dead in his condo.",
         "a FOX News impostor website"),
        # a scare-quoted word before the verb, and the outlet a story ran on
        ('The story on "news" website National Report says that the tree will be removed.',
         "National Report"),
        # a relative clause's verb does not make the phrase a fragment
        ("Some consumers who sought help on launch day reported telephone wait times that "
         "exceeded two hours.", "Some consumers who sought help on launch day"),
        # a speech tag set off by commas inside the sentence; "wrote X, in a case study …"
        ("Bratton, the sources noted, did not resist de Blasio’s directive.", "the sources"),
        ('"Two months after the onset of the symptoms, I was unable to stand or walk," wrote '
         "43-year-old Martin Taylor of Aberdeenshire, Scotland, in a case study published Monday "
         "in the journal BMJ.", "43-year-old Martin Taylor of Aberdeenshire, Scotland"),
    ],
)  # fmt: skip
def test_round_nine_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "texts, speaker",
    [
        # "the source" is the source described before; "A spokesperson for X" is no surname
        (["A source with contacts with Iraqi intelligence said the captured woman was an Iraqi "
          "wife of al-Baghdadi’s, but could not confirm the name.",
          "There was cooperation between Iraqi and Lebanese authorities leading up to her "
          "capture, the source said."], "A source with contacts with Iraqi intelligence"),
        (["A patient who saw the man at the facility told NBCDFW's Ray Villeda that the man "
          "arrived with his wife.",
          "A spokesperson for CareNow confirmed the news to Mashable, saying that the man "
          '"checked yes" to one of the screening questions.'], "A spokesperson for CareNow"),
        # a pronoun opening a sentence is the person the sentence before was about
        (["The United States is offering $10-million for information leading to the arrest of "
          "Islamic State leader Abu Bakr al-Baghdadi.",
          "Fawaz Gerges, a Middle East expert at the London School of Economics, said the move "
          "was symbolic.",
          "Al-Baghdadi called for attacks against the rulers of Saudi Arabia in a speech last "
          "month.",
          "He said his self-declared caliphate was expanding in Saudi Arabia."],
         "Abu Bakr al-Baghdadi"),
        # "the Somali president" is the president of that place named before, in full
        (["Somali President Hassan Sheikh Mohamud urged al-Shabab militants to renounce "
          "violence, saying they have an opportunity to embrace peace.",
          "President Barack Obama said the death demonstrated U.S. resolve.",
          "The Somali president said the U.S. operation was carried out with the full knowledge "
          "of his government."], "Somali President Hassan Sheikh Mohamud"),
        # a pronoun is the fullest form of the person named ("New York" is a place)
        (["Mayor de Blasio and Police Commissioner Bill Bratton announced the change in New "
          "York on Monday.",
          "Commissioner Bratton said officers would issue summonses instead.",
          "“It’s not a large amount,” he said."], "Police Commissioner Bill Bratton"),
    ],
)  # fmt: skip
def test_round_nine_speakers_across_sentences(texts: list[str], speaker: str) -> None:
    assert attribution.attribute_all(texts)[-1].who == speaker


@pytest.mark.parametrize(
    "sentence, why",
    [
        ("The Associated Press contributed to this report.", "byline"),
        ("Baldor reported from Newport, Wales.", "byline"),
        ("CNNMexico.com contributed to this report.", "byline"),
        ("Grim work: The remains of nine people had been brought from the hillside so far, with "
         "another 25 to follow", "caption"),
        ("Victims: The above poster shows the 43 missing students and offers a reward for their "
         "recovery", "caption"),
        # a figure contributed, or a label before a full sentence, is no credit or caption
        ("The company contributed $5 million to the relief fund.", None),
        ("Update: The company said on Monday that 40 workers were laid off.", None),
    ],
)  # fmt: skip
def test_credits_and_labelled_captions_are_not_claims(sentence: str, why: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == why


# Round ten: read from held-out-11 and -12 after their blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ('AP quoted government spokeswoman Rosario Murillo as saying they\'ve determined it was a '
         '"relatively small" meteorite.', "government spokeswoman Rosario Murillo"),
        ("One major problem laid bare during that mission, military scientists later said, was "
         "what they called “wind drift.”", "military scientists"),
        ("'He has become noticeably overweight since he came to power,' said the un-named "
         "intelligence official.", "the un-named intelligence official"),
        ("[UPDATE: ESPN publicist Josh Krulewitz tells our sister site Deadspin that tonight's "
         'programming "was never going to be" a panel on domestic violence.',
         "ESPN publicist Josh Krulewitz"),
        ("The second woman is of Chechen origin, said a Lebanese military official.",
         "a Lebanese military official"),
        ("ISIS has brought many of its fighters in order to attack the town of Amiryat "
         "al-Falluja, the head of the town's council, Shaker Mahmoud, said Thursday.",
         "Shaker Mahmoud"),
        ("The FBI has questioned a man who says he recorded audio of gunfire at the time Brown was "
         "shot by Ferguson, Missouri, police on August 9, the man's attorney told CNN.",
         "the man's attorney"),
        # "told the Associated Press" names the listener; a clause is no speaker
        ("As forces were heading to a town in the district, they heard what sounded like an "
         "“earthquake,” the governor of Somalia’s Lower Shabelle region, Abdiqadir Mohamed Nor, "
         "told the Associated Press.",
         "the governor of Somalia’s Lower Shabelle region, Abdiqadir Mohamed Nor"),
        ("Israeli media reports, including Haaretz newspaper quoting a website associated with "
         "Islamic State, said a Canadian-Israeli woman, Gil Rosenberg, has been captured.",
         "Israeli media"),
    ],
)  # fmt: skip
def test_round_ten_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "texts, speaker",
    [
        # "the intelligence official" is the official described with both words
        (["A Lebanese intelligence official identified the woman and said she was detained last "
          "week.",
          "The second woman is of Chechen origin, said a Lebanese military official.",
          "The intelligence official said Dulaimi was part of a prisoner swap this year."],
         "A Lebanese intelligence official"),
        # "the attorney", "his attorney": the attorney who spoke before, in the fullest form
        (['"It\'s how they\'re fired," the man\'s attorney, Lopa Blumenthal, told CNN.',
          "He was speaking to a friend at the same time Brown was shot, Blumenthal said.",
          "The attorney said she learned of the man's recording late last week."],
         "Lopa Blumenthal"),
        # a first name alone is the person named in passing with it
        (["Thomas’ brother, Kevin Nickel, reached out to CBS2.",
          "“He’s sitting on money,” Kevin said."], "Kevin Nickel"),
        # an outlet with its own name is not the outlet named last
        (["Reuters is reporting that the woman was detained, citing a security official.",
          "The al-Safir newspaper said that Baghdadi’s wife was currently being interrogated."],
         "the al-Safir newspaper"),
    ],
)  # fmt: skip
def test_round_ten_speakers_across_sentences(texts: list[str], speaker: str) -> None:
    assert attribution.attribute_all(texts)[-1].who == speaker


@pytest.mark.parametrize(
    "sentence, why",
    [
        ("CNN's Eliott C. McLaughlin, Tina Burnside, Julian Cummings and Greg Botelho contributed "
         "to this report.", "byline"),
        ("CNN's Raja Razek reported from near Suruc, while Laura Smith-Spark wrote in London and "
         "Jason Hanna in Atlanta.", "byline"),
        ("Policemen stand guard at the site where the mass grave was found", "caption"),
        ("Teen felled with killer punch after picking fight with...", "link"),
        ("All...", "fragment"),
        # a full sentence with its stop, in the present, is prose
        ("Policemen stand guard at the site where the mass grave was found.", None),
    ],
)  # fmt: skip
def test_round_ten_not_claims(sentence: str, why: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == why


# Round eleven: read from held-out-13 and -14 after their blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a name closing a sentence with a relative clause near its start speaks
        ("The woman, who has been named as Saja al-Dulaimi, was travelling with two sons and a "
         "daughter, Interior Minister Nouhad Mashnuq told the Lebanese MTV channel late Wednesday.",
         "Interior Minister Nouhad Mashnuq"),
        # a relative clause and a reason after the speaker go; "Said" in a name is no verb
        ("The pair were being held at a Defense Ministry compound on the outskirts of Beirut, said "
         "the official, who spoke on the condition of anonymity, citing a lack of authority.",
         "the official"),
        ("More than 40 homes were flooded,” chief of the civil defense agency in Gaza, Brigadier "
         "General Said Al-Saudi, told Al Jazeera.",
         "chief of the civil defense agency in Gaza, Brigadier General Said Al-Saudi"),
        # a clause after a comma is no speaker
        ("Within days, 22 police officers were arrested for what prosecutors said was their role "
         "in the attack.", None),
    ],
)  # fmt: skip
def test_round_eleven_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


# Round twelve: read from held-out-15 and -16 after their blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a second predicate after "but" with no comma: the first predicate's subject speaks
        ("Mr Abdulla returned to the UK last week but told The Sun how an elderly Kurdish woman, "
         "whose son was captured by ISIS and taken to Mosul, went to meet the terrorists.",
         "Mr Abdulla"),
        # a title without an article opens the apposition after a quote
        ('"My inbox got flooded," Christine Gutleben, senior director of faith outreach at the '
         "Humane Society, the largest animal protection group in the United States, said.",
         "Christine Gutleben, senior director of faith outreach at the Humane Society, the largest "
         "animal protection group in the United States"),
        # a relative clause with a speaker of its own
        ("It also included what purported to be the text of emails from Edelman containing a "
         "racial slur, which Boston.com said had been provided to the website.", "Boston.com"),
        # a subject with a relative clause before "said" is in the usual order: no "said X"
        ("The statement, which circulated on Twitter, said an airstrike outside Raqqa, Syria "
         "killed the 26-year-old Mueller.", "the statement"),
        # a phone call is no speech
        ("The next day the customer called Comcast and spoke to another agent named Kelly who "
         "reiterated that Comcast does not want its customers using Tor.”", None),
        # a clause, then the speaker after its comma; a possessive description stays with a name
        ("The supplies were provided by Kurdish authorities, the official said.", "the official"),
        ("Kim had fractured both of his ankles and had surgery in Pyongyang in the middle of "
         "September to treat them, the Chosun Ilbo, South Korea’s largest newspaper, reported.",
         "the Chosun Ilbo, South Korea’s largest newspaper"),
        # a relative clause with a comma after it is no clause ending at the verb
        ("The woman, who was identified as an Iraqi, and the child were taken into custody about "
         "10 days ago while carrying fake ID cards, the officials said.", "the officials"),
        # a dispute in the passive is reported by the sentence, not said by its agent; nor is a
        # passive in a clause on the subject, a refusal to confirm or a sharing
        ("Earlier this year, a similar death hoax surfaced, but it was also dismissed by Culkin's "
         "representatives at the time.", None),
        ("News of the meal, which was first reported by Bloomberg, surfaced after executives at "
         "MGM Resorts International mentioned the outsize dinner bill during a company conference "
         "call on Tuesday.", None),
        ("The reports were not initially confirmed by the Islamic State group.", None),
        ("The stories are being shared by Twitter users, who often add expressions of outrage:",
         None),
        # a passive agent that announced something speaks
        ("Another plan announced by MOTIE in March would cut emissions by 30 percent.", "MOTIE"),
        # how the outlet reached the speaker is no part of them
        ("Reached for comment by The Huffington Post on Wednesday, an AutoNation spokesman denied "
         "any direct involvement with the truck's odd destination.", "an AutoNation spokesman"),
        # a clause with no subject, unnamed reports and a route are no speakers
        ('Considering the site labeled itself as offering "a combination of real shocking news and '
         'satirical entertainment to keep its visitors in a state of disbelief," the report is '
         "obviously fake.", None),
        ("Reports said that he’d been found dead in his Manhattan appartment.", None),
        ("“You took them alive, we want them returned alive,” read a huge banner unfurled across "
         "the highway that leads from Mexico City to Acapulco.", None),
        # "The armed" opens a noun phrase, no verb; a relative clause after an issuer goes
        ("The armed men said they weren't going anywhere, ordering the team to open the door.",
         "the armed men"),
        ("State officials, who've faced sharp criticism over the students' disappearance, "
         "released a statement Sunday detailing their investigative efforts.", "State officials"),
        # a domain keeps its dot; a number keeps its comma
        ("A Facebook memorial page announcing the actor's death sparked the rumors, according to "
         "fact-checking site Snopes.com.", "fact-checking site Snopes.com"),
        ("The median calaries in a meal from Chipotle, according to an analysis of 3,000 sample "
         "meals by The New York Times' Upshot.", "the New York Times' Upshot"),
        # a mood before a name, "One," before a description and a relay after the source go;
        # "on Sunday" in "The Mail on Sunday" is its name
        ("Delighted Mrs Smith said: 'It was just something a bit different to do.'", "Mrs Smith"),
        ("One, an American fighter, said the group had been captured.", "an American fighter"),
        ("Islamic State has captured the woman, the group said, quoting Twitter accounts linked "
         "to the militants.", "the group"),
        ("The Mail on Sunday reported that the men formed a gang.", "the Mail on Sunday"),
        # still: "When X …, he said" is X
        ("When Afghan President Ashraf Ghani first announced the potential exchange last week, he "
         "said Kabul had ensured that the freed militants would not return to the front line.",
         "Afghan President Ashraf Ghani"),
    ],
)  # fmt: skip
def test_round_twelve_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "texts, speakers_",
    [
        # quotes in single marks run over sentences (British copy)
        (["Jess Smith, now 19, was the baby in the sun.",
          "She said: 'I'm not sure why the actress is claiming to be the face or why people think "
          "she is.",
          "'She would have been 10 at the time of filming - and she doesn't even look like the "
          "baby.'",
          "The show ran from 1997 to 2001."],
         [None, "Jess Smith", "Jess Smith", None]),
        # a curly quote closed by a straight mark ends the quotation
        (["“It’s saying that it's OK to smoke marijuana because it's now less of a crime, but "
          'overall we know drugs are harmful," said Pirozzolo.',
          "As it is, misdemeanor marijuana arrests are down citywide in the first 10 months of the "
          "year — about 24,000 compared to 29,000 last year."],
         ["Pirozzolo", None]),
        # a quoted 'no,' inside a double-quoted run does not close it
        (['"It would not surprise me at all if they opted to open a restaurant in Scotland," '
          "Michael Madden said.",
          '"The Scottish independence referendum catapulted Scotland into the North Korean '
          "elite's thoughts.",
          "Despite voting 'no,' they'd consider left-leaning Scotland to be more suitable to deal "
          "with than England.",
          'Tourists in North Korea are told to tip people in Scotch instead of the currency."'],
         ["Michael Madden"] * 4),
        # a quote in single marks closed before its stop ends there
        (["One security official said: 'You really can't call them police'.",
          "The fatal clashes took place in Iguala on the night of September 26."],
         ["One security official", None]),
        # "He" after a person described, not named, as the speaker just before is that person
        (["Jeff Oberholtzer, the son of the owner of Mark-1 Plumbing, told the Texas outlet The "
          "Galveston Daily News that the company sold the truck to AutoNation in October 2013.",
          "Reached for comment by The Huffington Post on Wednesday, an AutoNation spokesman "
          "denied any direct involvement with the truck's odd destination.",
          "He said the company sent the truck to be sold at auction, and that it traded hands "
          "repeatedly before apparently ending up in Syria."],
         ["Jeff Oberholtzer, the son of the owner of Mark-1 Plumbing", "an AutoNation spokesman",
          "an AutoNation spokesman"]),
        # "the Mail" is the outlet named in full before
        (["The Mail on Sunday reported that the men formed a gang.",
          'The three men known as "John," "George," and "Ringo" had formed a special gang, the '
          "Mail said."],
         ["the Mail on Sunday", "the Mail on Sunday"]),
        # a titled subject of the sentence before is what "He" means
        (["UN envoy Nickolay Mladenov blamed the deaths on the extremist group.",
          "He explained: 'Daily terrorist attacks perpetrated by ISIS continue to deliberately "
          "target all Iraqis."],
         # since round twenty-seven "blamed X on Y" is his too, as the gold reads it
         ["UN envoy Nickolay Mladenov", "UN envoy Nickolay Mladenov"]),
    ],
)  # fmt: skip
def test_round_twelve_speakers_across_sentences(
    texts: list[str], speakers_: list[str | None]
) -> None:
    assert [a.who for a in attribution.attribute_all(texts)] == speakers_


@pytest.mark.parametrize(
    "sentence, why",
    [
        # a condition, then what would follow
        ("If confirmed, Rosenberg would be the second Israeli captive held by the jihadist group.",
         "prediction"),
        ("If Isis was able to train pilots, they could mount 9/11-style suicide attacks on key "
         "installations in Damascus or Baghdad.", "prediction"),
        # a speaker introducing what follows, and nothing else
        ("Det. James Patterson, allegedly of the Manhattan Police Department, said:", "fragment"),
        ("Warren also said this in talking about the airstrikes against ISIS:", "fragment"),
        # a condition with what did happen is no prediction
        ("If anything, the rate rose 5 percent in March.", None),
    ],
)  # fmt: skip
def test_round_twelve_not_claims(sentence: str, why: str | None) -> None:
    said = extract.attribute(sentence)
    assert notclaims.reason(sentence, said.assertion, attributed=said.who is not None) == why


# Round thirteen: read from held-out-17 and -18 after their blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a count or an adjective before a noun that is also a verb is no speaker
        ("Two state police officers were charged in the shootings.", None),
        ("Previous estimates from industry experts have pegged the top-end gold Apple Watch's "
         "pricing between $1000 and $5000.", None),
        ("Other reports said shots were fired inside the parliament.", None),
        # a single name after a comma is the speaker, not an apposition
        ("O’Brien and Wright currently perform under the name Rapper’s Delight Experience "
         "Featuring Wonder Mike and Master Gee, Mallie said.", "Mallie"),
        # a leading phrase or participle clause goes
        ("Aside from the physical similarities, former neighbors say DeJeus has an unmistakable "
         "voice.", "former neighbors"),
        ("Posting photos of a gun-toting child online, ISIS supporters announced that the group’s "
         "youngest soldier has died in combat.", "ISIS supporters"),
        # a list's dash goes; an adverb in -ly stands between a speaker and the verb
        ("– The article claims Banksy is from Liverpool when all known evidence strongly "
         "suggests he is from Bristol.", "the article"),
        ("Her family reportedly said the boy was safe.", "Her family"),
        ("The ministry accurately predicted that the device would come in two sizes.",
         "the ministry"),
    ],
)  # fmt: skip
def test_round_thirteen_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


# Read on real pages at the end of round thirteen (FNC-1 bodies 47 and 2130).
def test_a_quote_opening_with_by_and_a_verb_is_no_byline() -> None:
    quote = ('"By allowing these cases to avoid early review, by issuing a summons, there is a '
             "serious concern that due process violations will go unnoticed.")  # fmt: skip
    assert notclaims.reason(quote, quote, attributed=False) != "byline"
    assert notclaims.reason("By John Smith", "By John Smith", attributed=False) == "byline"


def test_a_sentence_wholly_in_brackets_has_its_speaker_without_the_bracket() -> None:
    said = extract.attribute(
        "(A Financial Times report says Smith won $1 million; both the FT and New York Times say "
        "there were about 30 people eating on Smith’s dime.)"
    )
    assert said.who == "A Financial Times report"


# Round fourteen: read from held-out-21 and -22 after their blind score.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # "another" opens a described source
        ('"There are no indications that they are a risk right now,” another defense official '
         "said.", "another defense official"),
        # speech as the second predicate after an irregular past
        ("Sophomore Tyson Glover spent his first semester at Elon in the GAP program and said he "
         "enjoyed being called  first-year rather than freshman.", "Sophomore Tyson Glover"),
        # where a speaker comes from, between commas, is not the speaker; an age names one
        ("The 21-year-old, from Bunbury, Western Australia, told NT News he woke up on Saturday "
         "morning to find a 2-inch red trail rising up from his stomach.", "the 21-year-old"),
        # an aside between dashes goes
        ("Islamist websites – some of them known to be close, or even serving as a front for "
         "ISIS – reported Sunday that the 31-year-old was captured by their warriors during "
         "fierce battles with Kurdish fighters in unspecified areas.", "Islamist websites"),
        # a name and a colon before a quotation
        ("Dan Rayburn, Streaming Media Blog: “Apple’s live stream of the unveiling of the iPhone 6 "
         "and Watch was a disaster … right from the start, with many users like myself having "
         "problems trying to watch the event.", "Dan Rayburn, Streaming Media Blog"),
        ('Babić: "The pregnancies of students are now back half years.', "Babić"),
        ('UPDATE: "We are looking into it," police said.', "police"),
        # the source named last speaks for the sentence, over a pronoun inside it
        ("When he first went to doctors on Sunday they told him it was an insect bite and gave "
         "him some cream, NT News reported.", "NT News"),
    ],
)  # fmt: skip
def test_round_fourteen_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_fourteen_a_role_resolves_to_the_titled_name_and_a_numbered_outlet_speaks() -> None:
    texts = [
        "Homeland Security Secretary Jeh Johnson is pushing back against a claim made by Rep. "
        "Duncan Hunter that at least 10 Islamic State of Iraq and the Levant fighters have been "
        "caught crossing the Mexican border.",
        "“[A]t least 10 ISIS fighters have been caught coming across the Mexican border in "
        "Texas,” the congressman said during an interview on Fox News.",
        "It was 20 years ago when the friend asked the two to pick up the Quarter Pounder for him "
        "while they were at the local McDonald’s, but he never showed up to eat the burger, "
        "according to 9 News on Feb. 16.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1:] == ["Rep. Duncan Hunter", "9 News"]


@pytest.mark.parametrize(
    "sentence, why",
    [
        # a price list run together on one line (FNC-1 body 2130, a restaurant bill)
        ("3 Shrimp Cocktails ($24 each) 2 Foie Gras ($32 each) 2 Ribbons of Tuna ($24 each) 2 lbs "
         "Siberian Sturgeon Caviar ($2,500 each) 4 bottles 2003 Dom Perignon ($400 each) 4 bottles "
         "1998 Boërl & Kroff ($15,000 each)", "table"),
        # many numbers in prose with a verb are no list
        ("Australia beat Colombia behind Nick Kyrgios’ 6-4, 6-4 win over Alejandro Gonzalez and "
         "Alex de Minaur’s 6-4, 6-3 victory over Daniel Elahi Galan.", None),
    ],
)  # fmt: skip
def test_round_fourteen_a_list_on_one_line_is_a_table(sentence: str, why: str | None) -> None:
    said = extract.attribute(sentence)
    assert notclaims.reason(sentence, said.assertion, attributed=said.who is not None) == why


# Round fifteen (read from held-out-25 and -26 after their blind score): a closing verb followed
# only by when still closes ("…, the Pentagon confirmed Friday."), "verified" reports like
# "confirmed", "contend" is speech, "as X points out" after "But", a picture word before the
# speaker's noun is no picture, and a participle after "been" is passive.
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("A U.S. airstrike killed the leader of a Somali terrorist group Monday, the Pentagon "
         "confirmed Friday.", "the Pentagon"),
        ("A video texting service confirmed today that an audio recording - which appears to "
         "contain the sound of shots fired by Officer Darren Wilson when he killed unarmed Michael "
         "Brown - is authentic.", "A video texting service"),
        ("Chaim Haas, head of communications at Glide, verified the tape recorded by an unnamed "
         "individual in Ferguson, Missouri on August 9.",
         "Chaim Haas, head of communications at Glide"),
        ("American intelligence agencies on Wednesday verified the authenticity of the video, "
         "which shows a masked man decapitating James Foley.", "American intelligence agencies"),
        ("Ferguson police and friends of Officer Wilson contend that Brown engaged in a scuffle "
         "with Wilson.", "Ferguson police and friends of Officer Wilson"),
        ("But as CCTV points out, some people are choosing names that might sound odd to English "
         "speakers.", "CCTV"),
        ("Several images, which have not been independently verified, emerged on social media "
         "this week after a video reporting the deaths of the boy and his father was uploaded to "
         "YouTube in September.", None),
        ("Despite an increase in U.S-led coalition airstrikes and aid drops aimed at pushing "
         "insurgents back and helping Kurdish fighters, the battle for Kobani continued Tuesday "
         "night.", None),
        ("Teams must contend with floods this year.", None),
        # a time phrase and a clause with an irregular past are no speaker
        ("Indeed in recent days reports had emerged stating that Wilson, 28, was badly beaten and "
         "left with serious facial injuries following the fatal shooting.", None),
        ("Mr Titchmarsh heard tales about the Queen's childhood from royal historian Dr Lucy "
         "Worsley, who explains that the young princesses held a wistful fascination for the "
         "garden.", None),
    ],
)  # fmt: skip
def test_round_fifteen_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_fifteen_a_day_is_no_claimant() -> None:
    found = nested.find(
        'Homeland Security Secretary Jeh Johnson shot down claims on Thursday that a "porous" '
        "U.S. southern border is allowing terrorists, Ebola and a surge of migrants to enter."
    )
    assert found is not None and found.claimant is None
    assert found.disputed_by == "Homeland Security Secretary Jeh Johnson"


def test_round_fifteen_a_quote_continues_its_speaker_past_a_caption() -> None:
    texts = [
        "“We’re pretty sure it’s the oldest burger in the world,” Mr Dean said.",
        "ahmerkhokhar.com   Longevity: The pair brought the snack for a mate 20 years ago",
        "“It started off as a joke, you know we told our friend we’d hold his burger for him but "
        "he never turned up and before we knew it six months had passed.",
        '"The months became years and now, 20 years later, it looks the same as it did the day we '
        "bought it, perfectly preserved in its original wrapping.”",
        "Now the boys have become men.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found == ["Mr Dean", None, "Mr Dean", "Mr Dean", None]


def test_round_fifteen_an_unstopped_line_past_the_opening_is_a_caption() -> None:
    # FNC-1 body 1707's layout: a summary line without a stop opens the page, a picture's
    # caption without one stands between paragraphs
    text = (
        "A pet owner in Norfolk paid £300 for surgery to remove a tumour from his goldfish's "
        "head\n\n"
        "The pet owner took his goldfish to a vet in Norfolk and paid £300 for the operation.\n\n"
        "Vet Faye Bethell, 29, put anaesthetising agent into the fish's water.\n\n"
        "The three-inch pet went on to make a full recovery after the 50-minute operation\n\n"
        "The fish is now back in its pond, the owner said.\n\n"
        "His mate's comment, posted at 9am — @fishfan\n"
    )
    found = extract.read(text)
    why = {s.text.strip(): s.reason for s in found.skipped}
    kept = [c.text for c in found.candidates]
    assert why.get("The three-inch pet went on to make a full recovery after the 50-minute "
                   "operation") == "caption"  # fmt: skip
    opening = (
        "A pet owner in Norfolk paid £300 for surgery to remove a tumour from his goldfish's head"
    )
    assert why.get(opening) != "caption"  # the opening line is no caption
    assert not any("The three-inch pet" in k for k in kept)


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # posting a picture is an act, not speech (FNC-1 bodies, development sets)
        ("He recently tweeted a picture of himself holding up a severed head.", None),
        ("iPhone 6 user @philquinn1 tweeted a photo of his phone with one strand of beard hair "
         "caught.", None),
        ("The outfit has previously posted videos of ISIS fighters firing American made Howitzer "
         "cannons and seizing marijuana fields in Syria.", None),
        # … unless the poster's words follow
        ("A couple weeks before that, Rosenberg posted photos of herself on the Iraqi-Syrian "
         'border, and wrote: "In the IDF, we say After Me."', "Rosenberg"),
        # a speaker named after the act still speaks
        ("Pro-Islamic State Twitter accounts have previously posted pictures of captured jets in "
         "other parts of Syria but the aircraft appeared unusable, according to political "
         "analysts and diplomats.", "political analysts and diplomats"),
        ('Gill Rosenberg posted on Facebook on Monday night that she was "safe and secure".',
         "Gill Rosenberg"),
        # reporting as journalism is no speech; a report named before "said" is the speaker
        ("Mr. Foley, who has reported in the Middle East for five years, was kidnapped on Nov. "
         "22, 2012, by unidentified gunmen.", None),
        ("Steven Sotloff went missing in northern Syria while he was reporting in July, 2013.",
         None),
        ("The Guardian reported in July that 40 people had died.", "the Guardian"),
        ("CNN reported from Baghdad that the city had fallen.", "CNN"),
        ("Later Iraqi reports said the IS leader was severely wounded in the chest.",
         "Iraqi reports"),
        # more speech verbs: stressing, recalling, conceding, a finding "determined that"
        ("A medical examiner who performed a private autopsy on Brown determined that he was shot "
         "at least six times.", "A medical examiner who performed a private autopsy on Brown"),
        ("Foley’s killer emphasized in a propaganda video that Isis is a state, not a terrorist "
         "group.", "Foley’s killer"),
        ("Obama later conceded that pressure from U.S. and European measures “hasn’t resolved the "
         "problem yet.”", "Obama"),
        ("“That conversation never happened,” the source sniffed.", "the source"),
        ("While he didn't make it to the police station before noon Monday, police confirmed "
         "shortly before 5 p.m. that Constantine was in custody.", "police"),
        # "…, X, a role, told Reuters": the one told is not the speaker
        ("The components are not optimized, Chris Jones, an analyst with Canalys, told Reuters "
         "on Monday.", "Chris Jones, an analyst with Canalys"),
        # … not their other senses
        ("The company recalled 40,000 cars over faulty brakes.", None),
        # a participle that names something is no speech
        ("Such damage, called pulmonary fibrosis, is permanent and irreversible.", None),
        ("The new controversy, branded by social media users as 'hairgate', follows allegations "
         "that people are getting their hair snagged.", None),
        ("The team was determined to win the title.", None),
    ],
)  # fmt: skip
def test_round_sixteen_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence, why",
    [
        # a date fixed ahead is a plan (development sets)
        ("“Star Wars: The Force Awakens” is currently scheduled to be released on Dec. 18, 2015.",
         "prediction"),
        ("A press conference about the lawsuit is set for 1:00 p.m. Tuesday at the U.S. District "
         "court building in St. Louis.", "prediction"),
        # … not in a clause on something else, nor "due to" a name
        ("NASA is developing a mission called Europa Clipper, which is scheduled to launch in the "
         "mid-2020s.", None),
        ("Its removal Thursday was due to an ongoing water filtration project at the building.",
         None),
    ],
)  # fmt: skip
def test_round_sixteen_a_date_fixed_ahead_is_a_plan(sentence: str, why: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == why


@pytest.mark.parametrize(
    "sentence, why",
    [
        # pointers to something on the page (development sets)
        ("The video is embedded below.", "link"),
        ("(A full transcript of his last words was posted online by the blogger Brown Moses and "
         "can be found here.)", "link"),
        ("Story continues below video.", "link"),
        ("Head to io9 to read the rest of Lauren Davis's research into this odd story.", "link"),
        # a call to others
        ("“I call on my friends, family and loved ones to rise up against my real killers, the "
         "U.S. government.", "exhortation"),
        # … not a claim that says where something was found
        ("The bodies were found here last week, police said.", None),
    ],
)  # fmt: skip
def test_round_sixteen_pointers_and_calls_are_no_claims(sentence: str, why: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == why


@pytest.mark.parametrize(
    "sentence, why",
    [
        # a picture's marks inside a caption (development sets)
        ("Mr Ferrari (pictured) poses with his monster catch.", "caption"),
        ("Big Bank Hank, left, leaves behind fellow group members Wonder Mike and Master G.",
         "caption"),
        ("Kayla Mueller, left, with her mother Marsha Mueller in undated family photo.", "caption"),
        ("Factory worker Leonid Tenkaev pictured in 2004.", "caption"),
        # … not a report that someone was photographed
        ("He was pictured limping in July during a ceremony to commemorate the 20th anniversary "
         "of the death of his grandfather.", None),
    ],
)  # fmt: skip
def test_round_sixteen_a_caption_by_its_marks(sentence: str, why: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == why


def test_round_sixteen_the_site_is_the_website_named_before() -> None:
    texts = [
        "Comcast is threatening to cut off customers who use Tor, according to a site called "
        "DeepDotWeb.",
        "The article said a Comcast agent called a customer twice.",
        "The Comcast agent then repeatedly asked the customer what sites he was accessing.",
        "Snopes.com looked into the claim.",
        "The site said nothing of the kind had happened.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1] == "DeepDotWeb" and found[4] == "Snopes.com"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a stance adverb or a month opening the sentence is no part of the speaker
        ("Apparently, an eyewitness named Taugan Tan Kadalim claims he saw Josh and Thomas, the "
         "homeless man, in a car together.", "an eyewitness named Taugan Tan Kadalim"),
        ("In August 2014 Taylor says she met Michael Phelps via the dating app Tinder.",
         "Taylor"),
        ("Apparently, when users try to make calls, hair is getting stuck in the seam.", None),
        # a name that opens with its digits
        ("9to5Mac claims the company has distributed over 3,000 units as the development "
         "process continues.", "9to5Mac"),
        # a person's own account, paper or owners
        ("According to her Facebook, the woman is a teacher, but not in Santiago del Estero.",
         "her Facebook"),
        ("He's from Bristol according to his Wikipedia.", "his Wikipedia"),
        ("His previous owners said they sold him on the classified ads website, Gumtree, in "
         "2013.", "His previous owners"),
        ("The group is seeking to reshape the Middle East according to its interpretation of "
         "Islam.", None),
        # a participle before the noun describes the source
        ("Another disgusted staff member told the paper that the rats at Vogue had essentially "
         "“taken over”.", "Another disgusted staff member"),
        # an adverb before the verb and a participle clause before the name are no part of it
        ("The doctor subsequently told him to get rid of the duvet.", "the doctor"),
        ("But speaking to The Independent, an official at the North Korean embassy said of the "
         "reports: “It’s a nonsense.”", "an official at the North Korean embassy"),
    ],
)  # fmt: skip
def test_round_seventeen_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_seventeen_a_persons_own_source_is_not_one_named_before() -> None:
    texts = [
        "The Daily Mail picked up the story.",
        "According to her Facebook, the woman is a teacher.",
        "According to his Facebook, he’s in college.",
        "As a teen, she volunteered for the Save Darfur Coalition, according to her local paper.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1:] == ["her Facebook", "his Facebook", "her local paper"]


@pytest.mark.parametrize(
    "sentence, why",
    [
        # a photo's place on the page marks its caption (development sets)
        ("(L) Police in Ferguson wearing riot gear walk toward a man with his hands raised on "
         "Monday.", "caption"),
        ("(R) U.S. soldiers in Mosul, Iraq, search house-by-house for illegal weapons on "
         "January 20, 2005.", "caption"),
        # … not a letter in brackets that heads a list item
        ("(a) The ministry said 40 people had died.", None),
    ],
)  # fmt: skip
def test_round_seventeen_a_caption_by_its_place(sentence: str, why: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == why


def test_round_seventeen_a_quote_opening_after_an_attributed_sentence_goes_on_with_it() -> None:
    texts = [
        "Nail al-Jubeir, information director at the Saudi Embassy in Washington, denied that "
        "the broadcast had been altered.",
        "“Saudi TV has been showing the total arrival ceremony at the airport and at the Palace "
        "and nowhere is anything blurred.”",
        "Police said the recording was made on Saturday.",
        "A man’s voice can be heard in the audio telling a woman, “You are pretty.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1] == found[0] and found[0] is not None
    assert found[3] is None  # a quote opening inside the sentence is not the source's words


def test_round_seventeen_a_person_named_in_passing_keeps_the_title_before_the_name() -> None:
    texts = [
        "Homeland Security Secretary Jeh Johnson shot down claims on Thursday that the border "
        "is porous.",
        "He said the number of unaccompanied minors apprehended in fiscal year 2014 was 68,434.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1] == "Homeland Security Secretary Jeh Johnson"
    texts = ["But Police Commissioner Bill Bratton defended the policy.",
             "He said 25 grams would fill a sandwich bag."]  # fmt: skip
    assert attribution.attribute_all(texts)[1].who == "Police Commissioner Bill Bratton"


def test_round_seventeen_she_is_not_a_man_named_before() -> None:
    texts = [
        "Christopher Buddle, associate professor at McGill University, said the mark was not "
        "a spider's.",
        "Marie Herberstein of Macquarie University was also asked.",
        "She told us, “My initial reaction is that this is a mite rather than a spider.”",
        "Her birth name was David Roy Fitch, according to the post.",
        "“I was born intersex,” she told Radar Online.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[2] == "Marie Herberstein" and found[4] == "Marie Herberstein"


@pytest.mark.parametrize(
    "who, pronoun, fits",
    [
        ("Daniel Anthony, vice president of the Trade Partnership", "she", False),
        ("Mary E. Lovely, a Syracuse University economist", "she", True),
        ("Taylor Swift's spokeswoman", "he", False),
        ("Mr Abdulla", "she", False),
        ("Prosecutor Inaky Blanco", "she", True),  # the name says nothing: no block
        ("A spokesperson for CareNow", "he", True),
    ],
)
def test_round_seventeen_what_a_name_says_of_a_pronoun(who: str, pronoun: str, fits: bool) -> None:
    assert genders.fits(who, pronoun) is fits


@pytest.mark.parametrize(
    "sentence, why",
    [
        # a tabloid photo caption opening with a label and a colon (development sets)
        ("Sickening: ISIS sympathisers took to social media to identify the 10-year-old 'cub "
         "fighter' by his alleged nom de guerre Abu Ubaidah.", "caption"),
        ("Key suspect: Abdel-Majed Abdel Bary who raps under the name Lyricist Jinn.", "caption"),
        ("Untimely: Sugarhill Gang founder Henry 'Big Bank Hank' Jackson has died at age 57 from "
         "kidney complications due to cancer.", "caption"),
        # … not a label that opens copy, nor speech
        ("Update: KFC confirmed it.", None),
        ("Claim: Deandre Joshua was murdered after testifying before a grand jury in Ferguson.",
         None),
        ("He said: 'The ISIS men told her to sit down.'", None),
    ],
)  # fmt: skip
def test_round_seventeen_a_labelled_caption(sentence: str, why: str | None) -> None:
    said = extract.attribute(sentence).who is not None
    assert notclaims.reason(sentence, sentence, attributed=said) == why


def test_round_seventeen_an_opinion_is_the_models_call_with_or_without_figures() -> None:
    text = "We spoke to the mayor on Monday, and the bridge has been closed since May."
    _, [reading] = extract.readings(text)
    assert reading.rule == "opinion" and reading.signals["rule:opinion"] == 1.0
    keeps = checkable.Model(bias=0.0, weights={"rule:opinion": 50.0}, threshold=0.5)
    assert [c.text for c in extract.claims(text, model=keeps)] == [text]
    assert extract.claims(text, model=KEEP_ALL) == []  # the rule's verdict, weighed heavily
    # a forecast without figures too, since round twenty-six
    _, [forecast] = extract.readings("The bridge will reopen next spring.")
    assert forecast.rule == "prediction" and forecast.signals["rule:prediction"] == 1.0


def test_round_twenty_six_an_imperative_or_forecast_is_the_models_call() -> None:
    """An imperative opening often carries a report ("Keep in mind that the company lost $2
    billion"); the instruction and exhortation rules' verdicts are signals the model weighs, as
    the prediction rule's are (non-claims kept at recall 0.88 under cross-validation by document:
    0.252 → 0.233)."""
    fact = "Keep in mind that the company lost $2 billion last year."
    advice = "Be sure to check the label before you buy."
    for text in (fact, advice):
        _, [reading] = extract.readings(text)
        assert reading.rule == "instruction" and reading.signals["rule:instruction"] == 1.0
        assert [s.reason for s in extract.read(text, model=KEEP_ALL).skipped] == ["instruction"]
    assert [c.text for c in extract.claims(fact)] == [fact]  # the shipped model
    assert [s.reason for s in extract.read(advice).skipped] == ["instruction"]
    assert {"prediction", "opinion", "exhortation", "instruction"} <= checkable.SOFT_RULES


def test_round_seventeen_a_name_after_a_description_is_looked_up_by_the_name() -> None:
    texts = [
        "The rapper died in the early hours of Tuesday morning, according to US reports.",
        "He died from kidney complications in New Jersey, according to US website TMZ.",
    ]
    assert attribution.attribute_all(texts)[1].who == "US website TMZ"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a phrase before the speaker, set off by a comma, is no part of them (held-out-39, -40)
        ("Over at Forbes, Eric Savitz notes that this isn’t the first time that there have been "
         "rumors about Amazon opening a chain of stores.", "Eric Savitz"),
        ("Another British citizen, Abu Omar, 19, says that in April 2009 his safari holiday to "
         "Kenya was interrupted.", "Abu Omar"),
        ("He is believed to have traveled to Syria around 2012, before joining the Islamic "
         "State, also known as ISIS or ISIL, the paper reported.", "the paper"),
        ("Foley “was taken by an organized gang after departing from an internet café in "
         "Binesh, Syria,” near the Turkish border, the FBI said in an alert.", "the FBI"),
        # … but a name before its description stays whole
        ("Charlie Winter, a researcher at the counter-extremism think tank Quilliam, said "
         "accounts belong to Isis supporters were denying the reports.",
         "Charlie Winter, a researcher at the counter-extremism think tank Quilliam"),
        # where someone stands in the picture is no part of who speaks
        ("The tape was brought to CNN by St. Louis attorney Lopa Blumenthal, (at right with "
         "anchor Don Lemon) who says a former client gave it to her.",
         "St. Louis attorney Lopa Blumenthal"),
        # a comma glued to the verb
        ("Gill Rosenberg, 31,said last week on Facebook that she was no longer updating her "
         "page.", "Gill Rosenberg"),
    ],
)  # fmt: skip
def test_round_eighteen_speaker_classes(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_eighteen_a_person_described_after_being_named_is_that_person() -> None:
    texts = [
        "Yasir Abdulla left behind his wife and children at their Yorkshire home for six months "
        "to battle for his Kurdish homeland.",
        "The father-of-four told The Sun: “I hate IS because of what happened to an old Kurdish "
        "woman from a nearby tribe.",
    ]
    assert attribution.attribute_all(texts)[1].who == "Yasir Abdulla"
    # no person named before: the description stands
    assert attribution.attribute_all(texts[1:])[0].who == "the father-of-four"
    # the description's sex rules a person out: "the mother-of-two" is not Yasir Abdulla
    texts[1] = texts[1].replace("father-of-four", "mother-of-two")
    assert attribution.attribute_all(texts)[1].who == "the mother-of-two"


def test_round_eighteen_a_glued_signature_signs_the_post_in_its_paragraph() -> None:
    # held-out-39, body 109: posts pasted with their signatures glued on both sides
    text = (
        "Hairs get stuck in the fine seam between the glass and the aluminium.\n\n"
        "It has pulled out my goatee hairs. Hurts!— Quinn Nelson (@SnazzyQ) October 6, 2014"
        "The seam on my iPhone 6 is definitely catching my hair and pulling it out. #seamgate"
        "— Scott Bilsky (@str8ngelybrown) October 6, 2014\n\n"
        "The seam on my iPhone 6 is definitely catching my hair and pulling it out.\n"
    )
    spans = sentences(text)
    assert "— Quinn Nelson (@SnazzyQ) October 6, 2014" in [s.text for s in spans]
    who = {c.text: c.attributed_to for c in extract.claims(text)}
    assert who["It has pulled out my goatee hairs."] == "Quinn Nelson"
    # the post's words, and the same words again further down, are the second signer's
    seam = "The seam on my iPhone 6 is definitely catching my hair and pulling it out."
    assert [c.attributed_to for c in extract.claims(text) if c.text == seam] == [
        "Scott Bilsky",
        "Scott Bilsky",
    ]
    # the page's own sentence in the paragraph before is no part of the post
    assert who["Hairs get stuck in the fine seam between the glass and the aluminium."] is None


def test_round_eighteen_a_spaced_signature_stays_with_its_post() -> None:
    text = (
        "Michelle Obama forgoes a headscarf and sparks a backlash in Saudi Arabia "
        "http://t.co/uycgVygf7V pic.twitter.com/6ICNigFaPT — Washington Post (@washingtonpost) "
        "January 27, 2015"
    )
    assert [s.text for s in sentences(text)] == [text]


def test_round_eighteen_a_denied_claim_is_given_to_whoever_on_the_page_said_it() -> None:
    # FNC-1 body 1263 (development set): the claimant is named in the sentence after
    text = (
        "An Iraqi official on Wednesday denied that a woman detained in Lebanon is a wife of Abu "
        "Bakr al-Baghdadi, the leader of Islamic State group. The denial comes a day after "
        "Lebanese authorities said they are holding a woman believed to be Mr. al-Baghdadi’s "
        "wife."
    )
    first = extract.claims(text, model=KEEP_ALL)[0]
    assert first.text.startswith("A woman detained in Lebanon is a wife")
    assert (first.attributed_to, first.disputed_by) == ("Lebanese authorities", "An Iraqi official")
    # nobody else on the page says it: no claimant is made up
    alone = extract.claims(text.split(" The denial")[0], model=KEEP_ALL)[0]
    assert (alone.attributed_to, alone.disputed_by) == (None, "An Iraqi official")


@pytest.mark.parametrize(
    "sentence, figures",
    [
        # metres written "m", known by a size before or after (held-out-39, body 2161)
        ("Dino Ferrari hooked the whopper wels catfish, which was 2.67m in length, last week.",
         [(2.67, "m", "exact")]),
        ("It immediately bolted 100m downstream, but Sam hung on.", [(100.0, "m", "exact")]),
        # … and a weight in stone, glued; "up to" bounds it
        ("Wels catfish can grow as long as 4m and up to 62st.",
         [(4.0, "m", "max"), (62.0, "st", "max")]),
        ("The biggest was 22st and 2.78m long, and was also from the Po Delta.",
         [(22.0, "st", "exact"), (2.78, "m", "exact")]),
        # an ordinal is no weight, and "m" alone is still no figure
        ("It was the 21st such catch; the club raised 2.5m last year.", []),
        ("Sam Lee caught a 15st catfish while on holiday in Spain.", [(15.0, "st", "exact")]),
    ],
)  # fmt: skip
def test_round_eighteen_figures(sentence: str, figures: list[tuple[float, str, str]]) -> None:
    found = [(q.value, q.unit, q.bound) for q in quantities.find(sentence)]
    assert found == figures


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a name that opens with a word also a verb ("State") is no verb after the quote
        ("“I can just say that I have no confirmation of the reports,” State Department "
         "spokeswoman Jen Psaki told reporters.", "State Department spokeswoman Jen Psaki"),
        # a quote closing a quote inside it: ‘freshman,’”
        ("“They engrained over and over in our brains that it was supposed to be ‘first-year,’ "
         "not ‘freshman,’” Schukraft said.", "Schukraft"),
        ("Co-operation between civilians and the security forces is continuously increasing, "
         "al-Sunaid said.", "al-Sunaid"),
        # a determiner keeps its noun, though the noun is also a verb
        ("“Inaccurate wind forecasts are the main culprit in missed targets,” the report said.",
         "the report"),
        ("Snopes.com—the premier debunker of internet myths—said the article was fake.",
         "Snopes.com"),
        ("\"There was a big discussion about whether or not it should be removed,\" Hatchfield "
         "told Brooke Baldwin on \"CNN Newsroom\" on Friday.", "Hatchfield"),
        ("These individuals all had ID on them except for one, and that is the one we believed "
         "to be Banksy,” Edwards said.”", "Edwards"),
        ("\"All the evidence that we've confirmed on-site corresponds exactly with a meteorite,\" "
         "Jose Millan with the Nicaraguan Institute of Earth Studies was quoted as saying.",
         "Jose Millan with the Nicaraguan Institute of Earth Studies"),
        ("The news was first reported by music blog InFlexWeTrust.com.",
         "music blog InFlexWeTrust.com"),
        ("He was hit by a car.", None),
        # a listener named before "that", and a statement's day
        ("A U.S. intelligence official confirmed to NBC News that a Londoner named Mohammed "
         "Emwazi is the person known as \"Jihadi John\" in the ISIS videos.",
         "A U.S. intelligence official"),
        ("Additionally, US Central Command confirmed in a statement on Monday that one "
         "airdropped bundle had missed its target.", "US Central Command"),
        # the outlet's own unnamed source, and a handle
        ("\"We saw a blonde model type leaving Michael Phelps' place,\" our source says, "
         "recalling a recent incident in which the two were spotted together.", "our source"),
        ("Didn't know that was a thing until today,\" @abcdedgar tweeted.", "@abcdedgar"),
        # a quotation after the verb, set off by "including" or "but"
        ("Locals \"have seen her many times going into his place in the past few months,\" the "
         "source added, including \"the night he was arrested for DUI.\"", "the source"),
        ("The Border Patrol \"caught them,\" Hunter said, but \"you know there's going to be "
         "dozens more that did not get caught by the Border Patrol.\"", "Hunter"),
        # years of a trade are no count that rules out a speaker
        ("The plumber of 32 years said his family has received death threats.",
         "the plumber of 32 years"),
        # a name and its long apposition before the verb: not "said the officer shot Brown"
        ("Dorian Johnson, a friend of Brown's who was walking with him at the time of the "
         "shooting, said the officer shot Brown once by the police car.",
         "Dorian Johnson, a friend of Brown's who was walking with him at the time of the "
         "shooting"),
        ("Last February, a fake press release that again claimed Banksy has been arrested did "
         "the rounds.", None),
        # quoted by an outlet, as saying
        ("\"We thought it was a bomb because we felt an expansive wave,\" Jorge Santamaria, a "
         "resident in the area of the impact, was quoted by The Associated Press as saying.",
         "Jorge Santamaria, a resident in the area of the impact"),
    ],
)  # fmt: skip
def test_round_eighteen_speakers_after_and_around_quotes(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # old years after "In" and "dating back to", versions, and a weekday's date
        "In 1770, British soldiers opened fire on a crowd of protesters outside the building.",
        "Crews removed a time capsule dating back to 1795 on Thursday.",
        "It is thought to hold coins dating as far back as 1652.",
        "It is faster than the standard USB 2.0 and 3.0 ports on existing computers.",
        "The function is similar to the Battery Saver mode in Android 5.0.",
        "As OS X 10.10 Yosemite is not yet available for consumer download.",
        "It will happen from the dates Tuesday the 16 to Monday the 22.",
    ],
)
def test_round_eighteen_numbers_that_are_no_figures(sentence: str) -> None:
    assert quantities.find(sentence) == []


def test_round_eighteen_a_count_beside_those_numbers_stays() -> None:
    found = quantities.find("The population rose to 1500 in 2010, and it weighs 2.5 kg.")
    assert [(q.value, q.unit) for q in found] == [(1500.0, ""), (2.5, "kg")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a source brought in by "by", "citing" or "in", then what it said in a relative clause
        (
            "Islam was profiled by the New Yorker, which claimed that he made $72 million from "
            "the market.",
            "the New Yorker",
        ),
        (
            "However, a number of media outlets raised doubts over the claims, citing Kurdish "
            "sources, who said that Rosenberg was nowhere near Kobani.",
            "Kurdish sources",
        ),
        (
            "Voices of dissent were underscored by Brooklyn District Attorney Ken Thompson, who "
            "said in July that he would not prosecute low-level arrests.",
            "Brooklyn District Attorney Ken Thompson",
        ),
        (
            "The information came from an exclusive report in Britain’s Daily Mirror newspaper, "
            "which said that the 66-year-old singer had refused.",
            "Britain’s Daily Mirror newspaper",
        ),
        (
            "He was questioned by the director of the FBI, who said the case was closed.",
            "the director of the FBI",
        ),
        # not an idiom after a place
        ("The man was born in London, which says a lot about him and his family.", None),
    ],
)
def test_round_eighteen_a_source_that_said_it_in_a_relative_clause(
    sentence: str, speaker: str | None
) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "He had hoped it would be simple but was told by staff at the Toll Barn Veterinary "
            "Centre that the delicate surgery would cost more.",
            "staff at the Toll Barn Veterinary Centre",
        ),
        (
            "We’re told by several insiders that staffers at the fashion bible are still seeing "
            "rodents.",
            "several insiders",
        ),
        # the speaker in the clause after a colon
        (
            "When he woke up at Sheffield Hospital, he was left with some very bizarre "
            "side-effects: His mother told The Daily Mail that he can’t stop eating cheese.",
            "His mother",
        ),
        # but not in a quoted headline, nor after a short label
        (
            'The BBC re-wrote its article to be headlined, "China: Satirical site warns citizens '
            'over name choices."',
            None,
        ),
    ],
)
def test_round_eighteen_told_by_and_after_a_colon(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_eighteen_a_person_named_in_a_possessive_is_who_he_stands_for() -> None:
    found = extract.claims(
        "Doctors removed a spider from under Dylan Thomas’s skin earlier this week. "
        "The insect had been there for three days. "
        "He told News Corp yesterday that doctors had pulled a tropical spider from his skin."
    )
    assert [c.attributed_to for c in found][-1] == "Dylan Thomas"


def test_round_eighteen_a_possessive_that_is_no_name_is_no_person() -> None:
    found = extract.claims(
        "After Lin's video went viral, the homeless man was offered work by 12 companies. "
        "He says he turned down most of the offers last week."
    )
    assert found[-1].attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "In a statement provided to Bloomberg View, the embassy’s information director said: "
            "“Saudi TV has been showing the whole arrival ceremony at the airport.”",
            "the embassy’s information director",
        ),
        # a title with no article after the name is not cut at its "and"
        (
            "That's because smartwatches run on components meant for smartphones, Chris Jones, "
            "vice president and principal analyst with Canalys Insight, told Business Insider.",
            "Chris Jones, vice president and principal analyst with Canalys Insight",
        ),
        # but a participle after the name is no title ("he admitted" is what is left)
        (
            "Longtime anchor Tom Brokaw reportedly wants his successor, Brian Williams, thrown out "
            "of the big chair after he admitted fabricating key portions of a story he told.",
            "he",
        ),
    ],
)
def test_round_eighteen_a_statement_given_to_an_outlet_and_a_title_after_a_name(
    sentence: str, speaker: str | None
) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_eighteen_a_detective_abbreviated_does_not_end_the_sentence() -> None:
    found = extract.claims(
        "“There was no evidence of drug abuse and no signs of foul play,” said Det. Aldeson."
    )
    assert [c.attributed_to for c in found] == ["Det. Aldeson"]


@pytest.mark.parametrize(
    ("sentence", "bound", "text"),
    [
        ("The boy is said to be no older than 11 years of age.", "max", "no older than 11 years"),
        (
            "Gold-framed luxury watches usually go for well above the $10,000 mark.",
            "min",
            "well above the $10,000",
        ),
        (
            'A Vice spokesman said that Smith won "well north of" $300,000 at blackjack.',
            "min",
            'well north of" $300,000',
        ),
        (
            "Woods, whose career earnings eclipsed the $1.3-billion mark last year, will play.",
            "min",
            "eclipsed the $1.3-billion",
        ),
        (
            "The watch stops notifications when the battery reaches 10% or lower.",
            "max",
            "10% or lower",
        ),
    ],
)
def test_round_eighteen_bounds_in_more_words(sentence: str, bound: str, text: str) -> None:
    assert [(q.bound, q.text) for q in quantities.find(sentence)] == [(bound, text)]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The port features six brass contact dots inside the groove.", "dots"),
        ("Members include WWJ-TV and two sports radio stations.", "stations"),
        ("He drew a list of three things his parents had done for the family.", "things"),
        # a plural verb after the plural is no part of the noun
        ("There are four Islamic attorneys call themselves a council.", "attorneys"),
    ],
)
def test_round_eighteen_the_noun_a_count_modifies(sentence: str, unit: str) -> None:
    assert [q.unit for q in quantities.find(sentence)] == [unit]


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # a span of time after a capitalised word is a count, not a model number
        ("By comparison, it took the iOS App Store 16 months to hit the mark.", (16.0, "months")),
        # a headline's capitalised measure
        (
            'The story, entitled "Nasa Confirms Earth Will Experience 6 Days of Total Darkness", '
            "spread fast.",
            (6.0, "days"),
        ),
    ],
)
def test_round_eighteen_durations_after_capitals(sentence: str, figure: tuple[float, str]) -> None:
    assert [(q.value, q.unit) for q in quantities.find(sentence)] == [figure]


def test_round_eighteen_a_model_number_before_a_capital_stays_a_name() -> None:
    assert quantities.find("The Boeing 737 Max was grounded for a review.") == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("They now live in a tiny 10sqm flat close to the hospital.", (10.0, "sqm", "10sqm")),
        ("A code gets all the tracks as 256kps MP3s.", (256.0, "kps", "256kps")),
    ],
)
def test_round_eighteen_a_glued_unit_ends_the_figure(
    sentence: str, figure: tuple[float, str, str]
) -> None:
    assert [(q.value, q.unit, q.text) for q in quantities.find(sentence)] == [figure]


def test_round_eighteen_a_speaker_who_laments() -> None:
    sentence = "“When you try to free it out, it hurts,” the poster laments."
    assert extract.attribute(sentence).who == "the poster"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the progressive with an adverb, and more of its verbs
        ("Pro-IS sources are still claiming that she is captured.", "Pro-IS sources"),
        ("The Pentagon is confirming that militants seized one bundle.", "the Pentagon"),
        # "only", "since" between the subject and its verb
        ("Apple has only announced the price of the low-end model.", "Apple"),
        # a participle as the first adjective is no verb
        ("Heavily outgunned Kurdish defenders said militants had pushed in.",
         "Heavily outgunned Kurdish defenders"),
        ("Officials have made clear that fungi from the garden are not used.", "Officials"),
        ("Writer Aaron Sorkin recently confirmed the Bale casting.", "Writer Aaron Sorkin"),
        ("Update: KFC confirmed it.", "KFC"),
        ("Seoul government statistics show Jong Un is the ninth most popular name.",
         "Seoul government statistics"),
        # a refusal to comment gives no speaker (the gold sets read it so)
        ("A spokesperson for the NYAG declined to comment.", None),
        # the agent of a passive that names, identifies or confirms, words between
        ("The 27-year-old was named this morning by the Washington Post and it is understood he "
         "is known to the police.", "the Washington Post"),
        ("The woman was identified as Saja al-Dulaimi, an Iraqi, by a Lebanese security official "
         "and a senior political source.", "a Lebanese security official"),
        ("ISIS released two videos, which were confirmed by U.S. officials to be authentic.",
         "U.S. officials"),
        ("The laptop has just been confirmed by the latest report from Mark Gurman of 9to5Mac.",
         "Mark Gurman of 9to5Mac"),
        # not when the agent denies it, nor in a clause on the subject
        ("The report about her capture has not been confirmed by ISIS.", None),
        ("News of the meal, which was first reported by Bloomberg, surfaced after a call.", None),
    ],
)  # fmt: skip
def test_round_nineteen_speakers(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a subject that only reported or found: the closing outlet speaks
        ("Witnesses reported the flights were at a low altitude, the Observatory said.",
         "the Observatory"),
        ("Based on user comments, the bug seems to be specific to iWork, MacRumors said.",
         "MacRumors"),
        # a subject that says it in its own right keeps it; the outlet only relays
        ("The Lebanese army says it has detained the wife of the leader, the BBC reported.",
         "the Lebanese army"),
    ],
)  # fmt: skip
def test_round_nineteen_a_closing_outlet_over_a_subject_that_only_reported(
    sentence: str, speaker: str
) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # a set the story counted before, named again after "the"
        "Shortly after the FBI named the two suspects, the two brothers fled.",
        "Police said they believe that the two crimes are linked.",
        # "one" that picks a member out
        "One Lebanese official has said the woman was freed.",
        "The island, one source said, was designed for a golfer.",
        # a product's size as its name
        "It is smaller than its 13-inch sibling and thinner than the 11-inch version.",
        "The Airs are sitting at 1366 pixels (11-inch) and 1440 pixels (13-inch).",
        'He was tracked by a "24-hour Anti-Graffiti Task Force".',
    ],
)
def test_round_nineteen_numbers_that_name_or_pick_out(sentence: str) -> None:
    assert [
        q.text
        for q in quantities.find(sentence)
        if "inch" in q.text or "hour" in q.text or q.value in (1.0, 2.0)
    ] == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The three deaths of detained children were reported.", (3.0, "deaths")),
        ("Apple sold 7.5 million iPads in the six months after it arrived.", (6.0, "months")),
        ("The gunman killed one soldier.", (1.0, "troops")),
        ("A 13-inch screen sits in the middle.", (13.0, "inches")),
    ],
)
def test_round_nineteen_counts_that_stay(sentence: str, figure: tuple[float, str]) -> None:
    assert figure in [(q.value, q.unit) for q in quantities.find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("Germany's 4-0 rout of Belarus was enough.", [4.0, 0.0]),
        ("Finland clinched 3-0 against Liechtenstein.", [3.0, 0.0]),
        ("It lifted the Islanders over the Pittsburgh Penguins 5-4 Tuesday night.", [5.0, 4.0]),
        ("Argentina comfortably got past Chile 3-0 in Group C.", [3.0, 0.0]),
        ("The Senators were outshot 16-3.", [16.0, 3.0]),
        # a record closing the sentence
        ("Columbus improved to 8-8-4.", [8.0, 8.0, 4.0]),
    ],
)
def test_round_nineteen_scores(sentence: str, sides: list[float]) -> None:
    assert [q.value for q in quantities.find(sentence)] == sides


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("He then fired at least two, Walsh said.", (2.0, "", "min")),
        ("All five were freed in exchange for the sergeant.", (5.0, "", "exact")),
    ],
)
def test_round_nineteen_a_count_whose_noun_is_elsewhere(
    sentence: str, figure: tuple[float, str, str]
) -> None:
    assert [(q.value, q.unit, q.bound) for q in quantities.find(sentence)] == [figure]


def test_round_nineteen_a_bare_number_alone_is_no_figure() -> None:
    assert quantities.find("There were three.") == []


def test_round_nineteen_a_title_abbreviated_inside_an_according_to() -> None:
    sentence = (
        "Planes fly 60 surveillance flights a day, according to Pentagon spokesman Rear Adm. "
        "John Kirby."
    )
    assert extract.attribute(sentence).who == "Pentagon spokesman Rear Adm. John Kirby"


def test_round_nineteen_a_source_that_reports_keeps_the_sentence_the_model_would_drop() -> None:
    from verify import checkable

    never = checkable.Model(bias=-30.0, weights={}, threshold=0.5)  # the model keeps nothing
    text = (
        "The Mirror is reporting that police are on a manhunt for a man who slaps people. "
        "The weather was pleasant and everyone enjoyed the long afternoon outside."
    )
    kept = extract.claims(text, model=never)
    assert [(c.attributed_to, c.quote[:10]) for c in kept] == [("the Mirror", "The Mirror")]


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("As The Daily Caller reports, one passenger at Dulles is not taking chances.", []),
        ("It has left fans of one country musician wondering.", []),
        ("The gunman killed one soldier.", [(1.0, "troops")]),
        ("More than 300 Indians, including one woman, were deported.", [(300.0, "indians"),
                                                                        (1.0, "women")]),
        ("One person was injured in the blast.", [(1.0, "people")]),
    ],
)  # fmt: skip
def test_round_nineteen_one_that_picks_out_and_one_that_counts(
    sentence: str, counted: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in quantities.find(sentence)] == counted


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("His reps dismissed the claims.", "His reps"),
        ("According to his peers, he can turn people into live magnets.", "his peers"),
        ("An independent autopsy indicates that Brown was hit at least six times.",
         "An independent autopsy"),
        # what indicates is a test or a record, not any subject
        ("Images of bullet casings indicate that they used live ammunition.", None),
    ],
)  # fmt: skip
def test_round_nineteen_possessive_speakers_and_findings_that_indicate(
    sentence: str, speaker: str | None
) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_nineteen_a_quote_goes_on_with_a_speaker_found_by_an_earlier_quote() -> None:
    texts = [
        "Redditor doctorkuddles says that he just purchased an 128GB iPhone 6 Plus.",
        "“I can’t prove anything.",
        "I can only look at my phone and my wife's,” he explains.",
        "“We have identical phones minus the GB size.",
        "I started looking at both phones closely.",
    ]
    assert {a.who for a in attribution.attribute_all(texts)} == {"Redditor doctorkuddles"}


def test_round_nineteen_a_straight_quote_with_a_space_after_it_opens_a_quote() -> None:
    texts = [
        '"The steroids had a transformative effect within two days," Taylor wrote.',
        '" The course of steroids continued ultimately for 12 months.',
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == ["Taylor", "Taylor"]


def test_round_nineteen_a_titled_surname_with_an_apposition_is_the_person_named_before() -> None:
    texts = [
        "Michael Madden, editor of the North Korea Leadership Watch, said they are franchises.",
        "“They are done like a franchise,” Mr Madden, a frequent visitor to Pyongyang, said.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found == ["Michael Madden, editor of the North Korea Leadership Watch"] * 2


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Bloomberg termed Brooklyn-based Vice a media titan.", "Bloomberg"),
        ("The governor had charged that organized crime had infiltrated the city.",
         "the governor"),
        ("Reports in Arabic-language newspapers hinted he may fly the jet himself.",
         "Reports in Arabic-language newspapers"),
        ("Various witnesses have credited Vickers with leading the response.",
         "Various witnesses"),
        ("The Lebanese daily As-Safir was first to report on the detentions.",
         "the Lebanese daily As-Safir"),
        # charging someone with a crime is no speech
        ("Police charged him with theft.", None),
    ],
)  # fmt: skip
def test_round_nineteen_more_verbs_of_saying(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_nineteen_he_is_no_city_hall() -> None:
    texts = [
        "Police Commissioner Bill Bratton showed a bag of marijuana.",
        "City Hall credited both men with the idea.",
        "“That’s about it,” he said.",
    ]
    assert attribution.attribute_all(texts)[2].who == "Police Commissioner Bill Bratton"


def test_round_nineteen_the_expert_is_the_person_named_with_a_role_before() -> None:
    texts = [
        "Hamish de Bretton-Gordon, a former British army head of chemical weapons, told the "
        "Daily Mail that ISIS uses scorpion bombs.",
        "Although not all scorpions are poisonous, the military expert said ISIS wants fear.",
    ]
    found = attribution.attribute_all(texts)[1].who
    assert found == "Hamish de Bretton-Gordon, a former British army head of chemical weapons"


@pytest.mark.parametrize(
    ("sentence", "speaker", "assertion"),
    [
        ("The attack happened at noon, police said.", "police", "The attack happened at noon."),
        ("John Smith, a former army officer, said the army uses bombs.",
         "John Smith, a former army officer", "The army uses bombs."),
        ("Officials based in Kabul said the talks failed.", "Officials based in Kabul",
         "The talks failed."),
    ],
)  # fmt: skip
def test_round_nineteen_a_clause_is_no_speaker_and_a_short_claim_stays_the_claim(
    sentence: str, speaker: str, assertion: str
) -> None:
    said = extract.attribute(sentence)
    assert (said.who, said.assertion) == (speaker, assertion)


@pytest.mark.parametrize(
    ("sentence", "speaker", "assertion"),
    [
        # a present-tense clause after the verb is the claim, not the words before the comma
        ("In the meanwhile, Mr. Cook also reportedly says he charges his watch every night.",
         "Mr. Cook", "He charges his watch every night."),
        # what was posted is no claim of its own: the sentence stays whole
        ("J. Alain Ferry posted a copy here.", "J. Alain Ferry",
         "J. Alain Ferry posted a copy here."),
    ],
)  # fmt: skip
def test_round_nineteen_the_claim_text_after_a_speech_verb(
    sentence: str, speaker: str, assertion: str
) -> None:
    said = extract.attribute(sentence)
    assert (said.who, said.assertion) == (speaker, assertion)


def test_round_nineteen_she_is_no_act_of_parliament() -> None:
    texts = [
        "Lana Smith wrote a blog post on Friday.",
        "Under Abortion Act rules she could not.",
        "She adds: “I was flabbergasted.”",
    ]
    assert attribution.attribute_all(texts)[2].who == "Lana Smith"


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("It records a four-and-a-half stone fish.", (4.5, "stones")),
        ("He left after five-and-a-half years in charge.", (5.5, "years")),
    ],
)
def test_round_nineteen_a_half_joined_by_hyphens(sentence: str, figure: tuple[float, str]) -> None:
    assert [(q.value, q.unit) for q in quantities.find(sentence)] == [figure]


def test_round_nineteen_inches_written_ins() -> None:
    found = [(q.value, q.unit) for q in quantities.find("He is about 5ft 9ins tall.")]
    assert found == [(5.0, "ft"), (9.0, "ins")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Recent governments have, however, recognized that Austrians were perpetrators.",
         "Recent governments"),
        ("Reports that he had been killed circulated on Wednesday and were repeated to The "
         "Daily Beast by multiple Iraqi sources.", "multiple Iraqi sources"),
        ("That sentiment was echoed by Brooklyn District Attorney Kenneth P. Thompson, who "
         "announced it in July.", "Brooklyn District Attorney Kenneth P. Thompson"),
        # an honour is no speech
        ("He received commendations, including being recognized by the DEA for service.", None),
    ],
)  # fmt: skip
def test_round_nineteen_asides_echoes_and_initials(sentence: str, speaker: str | None) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Apple has remained mum as to its pricing strategy, only saying that the price will "
         "start at $350 for the entry-level version.", "Apple"),
        ("Apple took the leap into the wearable space with the announcement of its Apple Watch "
         "earlier in September this year, revealing that the device will start at $349.",
         "Apple"),
    ],
)  # fmt: skip
def test_round_twenty_a_participle_of_saying_after_the_subjects_clause(
    sentence: str, speaker: str
) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Yesterday, Bleeding Cool had reported that one of the batmobiles was stolen.",
         "Bleeding Cool"),
        ("Previously, British and American officials have said they had ascertained his "
         "identity.", "British and American officials"),
        ("Plus, astronomers say, the timeline doesn't work out.", "astronomers"),
    ],
)  # fmt: skip
def test_round_twenty_an_adverb_set_off_before_the_speaker_is_no_part_of_it(
    sentence: str, speaker: str
) -> None:
    assert extract.attribute(sentence).who == speaker


def test_round_twenty_a_headline_or_a_city_is_no_person_a_pronoun_stands_for() -> None:
    texts = [
        "Georgy Myakinkin left his keys at the airport in St Petersburg last week.",
        "When he returned to collect them, he says guards stopped him.",
        "Lin Spends It All On A Homeless Man",
        "He said he had his doubts initially.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1] == "Georgy Myakinkin"
    assert found[3] != "He Spends It"


def test_round_twenty_a_name_where_a_person_works_is_not_that_person() -> None:
    texts = [
        "Chaim Haas, head of communications at Glide, said the video was real.",
        "Glide released a statement on its website which said the user was messaging a friend.",
    ]
    assert attribution.attribute_all(texts)[1].who == "Glide"


def test_round_twenty_a_titled_surname_of_an_organisation_is_the_person_named_before() -> None:
    texts = [
        "James J. Murren, the chief executive of MGM, said the bill was real.",
        "Mr. Murren of MGM told the analyst that he couldn’t believe it.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1] == "James J. Murren, the chief executive of MGM"


@pytest.mark.parametrize(
    "sentence",
    [
        "Demo units have been running videos on loops, and Apple hasn’t said anything about "
        "pricing.",
        "The meteorite — which experts say may have disintegrated on impact — smashed through a "
        "wooded area outside the airport in Managua.",
        "Originally posted to eBay’s careers webpage in November, the ad was spotted recently.",
    ],
)
def test_round_twenty_no_speaker_from_a_negated_verb_a_relative_or_an_adverb(
    sentence: str,
) -> None:
    assert extract.attribute(sentence).who is None


def test_round_twenty_a_name_ending_like_an_adverb_still_speaks() -> None:
    assert extract.attribute("It is one of the oldest, according to Kelly.").who == "Kelly"


def test_round_twentyone_a_name_before_a_bare_apostrophe_is_a_person_a_pronoun_means() -> None:
    texts = [
        "Bunbury local Dylan Thomas’ first trip to Bali last weekend was complete with a visit "
        "to the Bali International Medical Centre.",
        "“That’s when it became painful, it was a searing burn,” he said.",
        "When a concerned Dylan fronted up to the doctors early on Sunday morning, they told him "
        "it was a small insect bite.",
    ]
    found = [a.who for a in attribution.attribute_all(texts)]
    assert found[1] == "Dylan Thomas"
    assert found[2] is None  # "they" is never the one person named before


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Sunday Times did not name the killer, saying that its sources \"gave no details of "
         "the man they have identified.\"", "the Sunday Times"),
        ("Mueller spoke of her experiences in Syria at her local Kiwanis club in May 2013, saying "
         "that she is often asked \"where is the world\" by desperate refugees.", "Mueller"),
        ("A site called iKwiz is reporting that director J.J. Abrams, has asked Disney for the "
         "release date of Star Wars: Episode VII to be moved up.", "A site called iKwiz"),
        ("History buffs, start your engines: CNN is reporting that a Boston crew has removed a "
         "time capsule from the cornerstone of the Massachusetts State House.", "CNN"),
        ("“Sensors take up a lot of battery,” said Mehra in a statement to Business Insider.",
         "Mehra"),
        ("According to an interview with his local paper, the Bunbury Mail, Thomas said the mark "
         "continued to grow up his abdomen.", "Thomas"),
        ("Apple responded to reports by saying it only received nine complaints about bending "
         "phones and has tested 15,000 of them.", "Apple"),
    ],
)  # fmt: skip
def test_round_twentyone_speakers(sentence: str, speaker: str) -> None:
    assert extract.attribute(sentence).who == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Correction: An earlier version of this article stated that Fidel Castro's last column "
        "was published in August 2013.",
        "In an interview with National Geographic, Donald Yeomans, the author of Near-Earth "
        "Objects: Finding Them Before They Find Us, said the two were unrelated.",
    ],
)
def test_round_twentyone_no_speaker_from_an_old_version_nor_a_book_title(sentence: str) -> None:
    who = extract.attribute(sentence).who
    assert who is None or who.startswith("Donald Yeomans")


def test_round_twentyone_an_agency_dateline_with_its_place_and_day_is_split_off() -> None:
    text = (
        "(ANSA) - Ancona, January 23 - A Bolivian nun gave birth in San Severino Marche after "
        "being taken to hospital where she complained of a bad stomach ache, Italian newspaper "
        "Corriere Adriatico said on Friday."
    )
    found = list(extract.claims(text))
    assert [c.attributed_to for c in found] == ["Italian newspaper Corriere Adriatico"]


def test_round_twentyone_the_newspaper_is_the_outlet_described_before() -> None:
    texts = [
        "A Bolivian nun gave birth in San Severino Marche, Italian newspaper Corriere Adriatico "
        "said on Friday.",
        "The newspaper said the nun gave birth last Sunday and intends to keep the baby.",
    ]
    assert attribution.attribute_all(texts)[1].who == "Italian newspaper Corriere Adriatico"


def test_round_twentyone_the_41_year_old_is_the_person_who_spoke_before() -> None:
    texts = [
        "Taylor Lianne Chandler, who dated the swimmer for months, wrote a long post on her "
        "Facebook page in which she revealed that she was born intersex.",
        '"I was born with male genitalia," the 41-year-old told Radar Online in an interview.',
    ]
    assert attribution.attribute_all(texts)[1].who == "Taylor Lianne Chandler"


def test_round_twentyone_what_someone_did_by_revealing_is_no_speech() -> None:
    sentence = (
        "Joe Riquelme, creator of the popular iPhone video editing app Videoshop, surprised his "
        "parents on Christmas by revealing that he had paid off their mortgage."
    )
    assert extract.attribute(sentence).who is None


def test_round_twentyone_a_station_with_a_hyphen_is_no_dateline() -> None:
    found = list(
        extract.claims(
            "KLAS-TV in Las Vegas is reporting that Jose Canseco was accidentally shot in his home."
        )
    )
    assert [c.attributed_to for c in found] == ["KLAS-TV in Las Vegas"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Pictures posted to social media show a number of people arriving at airports with "
         "surgical masks and gloves on.", None),
        ("Footage uploaded to YouTube claimed to show the embarrassing incident.", None),
        ("The cache of weapons included hand grenades, according to a video uploaded by a media "
         "group loyal to the Islamic State group.",
         "a video uploaded by a media group loyal to the Islamic State group"),
    ],
)  # fmt: skip
def test_round_twentyone_pictures_speak_for_no_one_but_their_uploader(
    sentence: str, speaker: str | None
) -> None:
    assert extract.attribute(sentence).who == speaker


# Round twenty-three: read from held-out-49 after its blind score.
def test_round_twentythree_a_box_scores_lines_are_table_rows() -> None:
    text = (
        "Palm Bay beat Rockledge 60-41 on Tuesday night. "
        "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Bean-Laing 5 points. "
        "Heritage (1-0): Armani Sheffield 19 points and 3 steals. Kelli Howard 6 steals. "
        "Aden O'Hara 2 goals, 2 assists. L. Patikas 1 goal. Jordan Spira and Megan Cook 4 total."
    )
    found = extract.read(text)
    assert [c.text for c in found.candidates] == ["Palm Bay beat Rockledge 60-41 on Tuesday night."]
    assert [s.reason for s in found.skipped] == ["table"] * 8


@pytest.mark.parametrize(
    "sentence",
    [
        "The Sabres 4 goals.",  # a determiner opens no box-score name
        "Davis scored 17 points.",  # a verb makes it prose
    ],
)
def test_round_twentythree_a_sentence_with_a_verb_or_article_is_no_box_score_line(
    sentence: str,
) -> None:
    assert notclaims.STAT_LINE_RE.match(sentence) is None or notclaims._has_verb(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 28 oz. bone-in rib eye, Prime’s most expensive dish, sells for $85. It is big.",
         ["A 28 oz. bone-in rib eye, Prime’s most expensive dish, sells for $85.", "It is big."]),
        ("The catfish weighed 28 oz. The angler let it go.",
         ["The catfish weighed 28 oz.", "The angler let it go."]),
    ],
)  # fmt: skip
def test_round_twentythree_a_unit_abbreviated_after_a_number_ends_a_sentence_only_before_a_capital(
    text: str, expected: list[str]
) -> None:
    assert [s.text for s in sentences(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("A: Watching from courtside as Russell Westbrook and Kevin Durant scored 50 plus points "
         "a piece in a triple overtime game.", (50, "points", "min", "50 plus points")),
        ("He has 20-plus years of experience.", (20, "years", "min", "20-plus years")),
        ("He gave him a tip of $2,000 plus a VISA gift card.", (2000, "USD", "exact", "$2,000")),
    ],
)  # fmt: skip
def test_round_twentythree_plus_after_a_number_is_a_lower_bound(
    sentence: str, figure: tuple[float, str, str, str]
) -> None:
    (q,) = quantities.find(sentence)
    assert (q.value, q.unit, q.bound, q.text) == figure


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Captured on a helmet-mounted camera, the video shows three Marines during a joint "
         "helicopter raid in the Now Zad district.", [(3, "marines")]),
        ("Raising Sand was adored by critics, winning him five Grammys back in 2009.",
         [(5, "grammys")]),
        ("He denied that he formed an irregular channel, for which the three were nicknamed the "
         "Three Amigos.", []),  # a title-cased name
        ("Under the 'Six Strikes' plan, customers are e-mailed.", []),
    ],
)  # fmt: skip
def test_round_twentythree_a_number_word_counts_a_capitalised_plural(
    sentence: str, figures: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in quantities.find(sentence)] == figures


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("In a profile published over at New York magazine, one 17-year-old New Yorker confirms "
         "that he made $72 million trading stocks.", [(17, "years"), (72_000_000, "USD")]),
        ("Police found two 500-pound bombs.", [(2, "bombs"), (500, "pounds")]),
    ],
)  # fmt: skip
def test_round_twentythree_a_measure_after_a_count_is_a_figure_of_its_own(
    sentence: str, figures: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in quantities.find(sentence)] == figures


# Round twenty-four: read from held-out-50 (read twice and adjudicated) after its blind score.
@pytest.mark.parametrize(
    ("sentence", "lang", "figures"),
    [
        ("It features two ports: a 60W USB-C PD port and a 12W USB-A port.", "en",
         [(2, "ports"), (60, "w"), (12, "w")]),  # watts glued to the number
        ("Mophie’s recently introduced 3-in-1 Wireless Charging Pad has a dedicated spot for "
         "charging any Apple Watch.", "en", []),  # "3-in-1" describes the pad
        ("Ain’t no yellow brick road running through Glasgow, but I found one that’s stronger "
         "than stone.", "en", []),  # "one" the pronoun; "that’s" no noun
        ("Bis zum 01.01.2019 sollen alle Ärzte, Psychotherapeuten, Krankenhäuser und anderen "
         "Akteure des Gesundheitswesens daran angebunden sein.", "de", []),  # a date, not "9"
        ("TK-Safe steht bundesweit ca. 10 Mio. Versicherten zur Verfügung.", "de",
         [(10_000_000, "versicherten")]),  # "Mio." scales; "ca." is about
        ("Das kostet 3 Mrd. Euro.", "de", [(3_000_000_000, "EUR")]),
        ("Harganya Rp 5 juta.", "id", [(5_000_000, "IDR")]),
        ("Es waren 17.000 Menschen.", "de", [(17_000, "menschen")]),
    ],
)  # fmt: skip
def test_round_twentyfour_figures_from_the_adjudicated_set(
    sentence: str, lang: str, figures: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in quantities.find(sentence, lang)] == figures


def test_round_twentyfour_about_ten_million_in_german_is_approximate() -> None:
    (q,) = quantities.find("TK-Safe steht bundesweit ca. 10 Mio. Versicherten zur Verfügung.", "de")
    assert q.approx and q.text == "ca. 10 Mio. Versicherten"


def test_round_twentyfour_a_german_abbreviation_before_a_noun_ends_no_sentence() -> None:
    text = (
        "Vivy soll für 25 Mio. Versicherte kostenfrei sein. Dazu gehört das sog. PACS im "
        "Krankenhaus. Es kostet 3 Mrd. Euro."
    )
    assert [s.text for s in sentences(text)] == [
        "Vivy soll für 25 Mio. Versicherte kostenfrei sein.",
        "Dazu gehört das sog. PACS im Krankenhaus.",
        "Es kostet 3 Mrd. Euro.",
    ]


# Round twenty-five: read from held-out-51 (read twice and adjudicated) after its blind score.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("Monday’s best deals include various MacBook models from $700 at Amazon.",
         [(700, "USD", "min")]),  # where the prices start
        ("Black Friday pricing on ecobee thermostats from $139.", [(139, "USD", "min")]),
        ("Revenue was $18.1 billion in 2018, down from $19.5 billion the previous year.",
         [(18_100_000_000, "USD", "exact"), (19_500_000_000, "USD", "exact")]),  # a change
        ("The current Apple TV lineup ranges from $150 to $200.", [(200, "USD", "range")]),
        ("That’s $200 off the regular rate, more than a $147 savings compared to Amazon.",
         [(200, "USD", "exact"), (147, "USD", "min")]),  # an article after "more than"
        ("Face ID, a 12MP camera, and 10-hour battery life are also in tow.",
         [(12, "mp", "exact"), (10, "hours", "exact")]),  # megapixels glued to the number
        ("AirPods 2 dropped to an all-time low on Amazon at just $139.",
         [(139, "USD", "exact")]),  # a camel-case name opening the sentence names a product
        ("There are now 140 million monthly active “businesses” across Facebook’s various "
         "platforms, according to the company.", [(140_000_000, "businesses", "exact")]),
        ("We’ve only seen it this low once before, back on Prime Day 2019.",
         [(1, "times", "exact")]),
        ("Instagram also lets you see how people interact with your stories, including how many "
         "view them more than once, and the number who swipe away.", [(1, "times", "min")]),
    ],
)  # fmt: skip
def test_round_twentyfive_figures_from_the_adjudicated_set(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    assert [(q.value, q.unit, q.bound) for q in quantities.find(sentence, "en")] == figures


def test_round_twentyfive_a_signed_letter_is_its_writers_down_to_the_signature() -> None:
    text = (
        "DEAR ABBY: My husband of more than 20 years just purchased plane tickets to India. "
        "It’s a 24-hour trip from the USA. The manager believed the waitress, who said that I "
        "started it. Should I have?\n-- BEATEN UP IN CALIFORNIA\n"
        "DEAR BEATEN UP: You were assaulted and falsely imprisoned in that restroom."
    )
    _, found = extract.readings(text)
    said = {r.sentence.text: r.said.who for r in found}
    assert said["It’s a 24-hour trip from the USA."] == "BEATEN UP IN CALIFORNIA"
    assert said["The manager believed the waitress, who said that I started it."] == (
        "BEATEN UP IN CALIFORNIA"
    )  # what others said, as the writer reports it
    assert said["You were assaulted and falsely imprisoned in that restroom."] is None  # the reply


@pytest.mark.parametrize(
    "sentence",
    [
        "I later found that many people, especially teens, opt for more ironic options like "
        "Cruise Line or Well Water Drilling Service.",
        "After performing due diligence, we have determined that these claims are false.",
    ],
)
def test_round_twentyfive_the_writers_own_i_or_we_is_no_speaker_named_before(
    sentence: str,
) -> None:
    text = f"“The numbers are public,” the company said. {sentence}"
    _, found = extract.readings(text)
    assert found[-1].said.who is None


def test_round_twentyfive_an_i_inside_a_quote_is_still_the_quoted_speaker() -> None:
    text = (
        "Tan Shen said she fell ill at work. 'I had already told work I was off sick, so phoned "
        "them and said I was leaving.'"
    )
    _, found = extract.readings(text)
    assert found[-1].said.who == "Tan Shen"


# Round twenty-six: read from held-out-52 (read twice and adjudicated) after its blind score.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("King of Monitors: 35% Off Dell Alienware AW3418DW 34\" 3440x1440 1900R Curved 4ms "
         "120Hz GSYNC IPS Panel Gaming Monitor",
         [(35, "%", "exact"), (34, "inches", "exact"), (3440, "pixels", "exact"),
          (1440, "pixels", "exact"), (4, "ms", "exact"), (120, "hz", "exact")]),
        # a glued unit of speed names no model ("Curved 4ms"); a capacity in a name does
        ("Apple iPad Air 256GB is $100 off.", [(100, "USD", "exact")]),
        ("The 2,812 piece Betrayal at Cloud City reenactment measures 22\" long and 22\" wide.",
         [(2812, "pieces", "exact"), (22, "inches", "exact"), (22, "inches", "exact")]),
        ("Best Buy has 70\"+ TVs on sale.", [(70, "inches", "min")]),
        # a closing quotation mark after a number is no inch mark
        ("\"At least 10\" Islamic State fighters were captured, Rep. Duncan Hunter claims.",
         [(10, "fighters", "min")]),
        ("Hunter said U.S. border officials have caught “at least 10″ Islamic State fighters.",
         [(10, "fighters", "min")]),
        ("Normally you'd be paying $9.99/month for this service (or $7.99/mo for Prime members).",
         [(9.99, "per month", "exact"), (7.99, "per month", "exact")]),
        ("You'd be paying around $17.99 per month, so you'd be saving $60 every year.",
         [(17.99, "per month", "exact"), (60, "per year", "exact")]),
        ("I have one myself (an older generation Nighthawk X4) and have never had problems.", []),
        ("A second gunman shot one Canadian soldier at the war memorial.",
         [(1, "troops", "exact")]),  # "one" before a nationality counts
        # read from the fifty-three sets' errors: where a price starts
        ("Still much remains unknown, including pricing details beyond the $349 starting price.",
         [(349, "USD", "min")]),
        ("The Apple Watch is expected to start at $499 to $549, again depending on configuration.",
         [(549, "USD", "range")]),
        ("It was 106° in the shade, and the forecast calls for 110°F.",
         [(106, "°", "exact"), (110, "°f", "exact")]),
    ],
)  # fmt: skip
def test_round_twentysix_figures_from_the_adjudicated_set(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    assert [(q.value, q.unit, q.bound) for q in quantities.find(sentence, "en")] == figures


def test_round_twentysix_a_price_per_period_keeps_its_period() -> None:
    found = quantities.find("Upgrade to Premium for $4.99/mo, or save $60 every year.", "en")
    assert [q.noun for q in found] == ["per month", "per year"]
    # an advert's size in a page's code is no screen resolution
    assert quantities.find("<!-- kmn_size = '300x250'; //-->", "en") == []


def test_round_twentysix_a_quotation_signed_on_the_next_line_is_the_signers() -> None:
    """Visitors' reviews, each closed by a line with the visitor's masked name."""
    text = (
        "We have brought some of these memorable reviews here!\n"
        "“The show was really great.\n"
        "We received the tickets and pistachio nuts at the entrance and we enjoyed a free drink "
        "at the cafe.\n"
        "Booking through KLOOK was really easy.”\n"
        "– Man**\n"
        "“It’s really good, and my cousin got to participate on stage.\n"
        "Seating is good and we also had the chance to have a picture with the cast after the "
        "show.”\n"
        "– Ni** My**\n"
        "Thank you all for your kind reviews.\n"
        "– Jane Doe"
    )
    _, found = extract.readings(text)
    said = [r.said.who for r in found]
    assert said == [
        None,
        "Man**",
        "Man**",
        "Man**",
        None,
        "Ni** My**",
        "Ni** My**",
        None,
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("sentence", "approx"),
    [
        ("He said he received a thousand calls in one day.", True),
        ("The homeless man was given a hundred dollars.", True),
        ("A recording suggests a dozen shots were fired.", True),
        ("Woods was practising with half a dozen tee boxes.", False),  # six, exactly
        ("They said they intend to make a billion dollars.", False),
    ],
)  # fmt: skip
def test_round_twentysix_a_round_number_word_is_approximate(sentence: str, approx: bool) -> None:
    """The gold sets read "a hundred", "a thousand", "a dozen" without other words as round
    numbers (approximate), "half a dozen" and "a billion dollars" as written."""
    (q,) = quantities.find(sentence, "en")
    assert q.approx is approx


@pytest.mark.parametrize(
    "sentence",
    [
        "Along a dirt road in a remote part of Mexico's Guerrero state, authorities turned up "
        "unmarked graves full of human remains on Saturday.",  # the noun "state"
        "Often called bird fancier's asthma, symptoms can range from a wheezy cough, runny nose "
        "and eye irritation to asthma.",  # an adverb, no speaker
    ],
)
def test_round_twentysix_no_speaker_is_made_of_a_noun_or_an_adverb(sentence: str) -> None:
    assert extract.attribute(sentence).who is None


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Leigh-Anne Royster, director of Elon’s “Inclusive Community Wellbeing,” said in an "
         "email to The College Fix that she has been told by some that they are offended.",
         "Leigh-Anne Royster, director of Elon’s “Inclusive Community Wellbeing"),
        ("The website – which describes itself as \"America's No.1 independent news source\" – "
         "said a man named Paul Horner from Liverpool had been nicked.", "the website"),
        ("Several journalists reporting from the ground on Tuesday night -- and at least one "
         "Kurdish official -- said they were aware of such reports.",
         "Several journalists reporting from the ground"),
        ("However, observers of the live broadcast — including a Wall Street Journal reporter in "
         "the country — said that there was no blurring of Mrs. Obama.",
         "observers of the live broadcast"),
        ("At the time civil defense services said that they had managed to save seven people.",
         "civil defense services"),
    ],
)  # fmt: skip
def test_round_twentysix_speakers_before_the_verb(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


def test_round_twentysix_she_after_a_spokesperson_for_a_company() -> None:
    texts = [
        "A spokesperson for CareNow confirmed the news to Mashable, saying that the man "
        '"checked yes" to one of the screening questions.',
        '"We are being very cautious," she said, adding that while the facility remains open, '
        '"we are not currently seeing any patients."',
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == ["A spokesperson for CareNow"] * 2


def test_round_twentysix_could_not_confirm_reports_no_forecast() -> None:
    """An inability reported ("could not yet confirm that …") is no prediction; a "could" that
    looks ahead still is."""
    _, [unable] = extract.readings(
        "The alliance could not yet confirm that North Korean troops were in Russia."
    )
    assert unable.rule is None
    _, [ahead] = extract.readings("The deal could collapse next week.")
    assert ahead.rule == "prediction"


@pytest.mark.parametrize(
    "sentence",
    [
        "After the altercation in the car, witnesses say that Brown fled.",
        "The news was first reported by music blog InFlexWeTrust.com.",
        "That's according to a new survey from Piper Jaffray.",
    ],
)
def test_round_twentysix_little_left_without_the_source_keeps_the_sentence(sentence: str) -> None:
    """Where the words without their source are too few to check, the sentence is the claim."""
    [claim] = extract.read(sentence, model=KEEP_ALL).candidates
    assert claim.text == sentence and claim.attributed_to


def test_round_twentysix_a_lead_in_stays_a_fragment() -> None:
    text = "A statement by the White House later announced the following."
    assert [s.reason for s in extract.read(text, model=KEEP_ALL).skipped] == ["fragment"]


def test_round_twentysix_will_in_a_title_is_no_forecast() -> None:
    title = (
        'The "Break One, Thousands Will Rise" illustration was actually created by illustrator '
        "Lucille Clerc."
    )
    _, [reading] = extract.readings(title)
    assert reading.rule is None
    _, [emphatic] = extract.readings("They WILL NOT WORK with CDMA carriers like Sprint.")
    assert emphatic.rule == "prediction"
    _, [named] = extract.readings("Will.i.am helped schlep boxes, for some reason.")
    assert named.rule is None


def test_round_twentysix_plurals_in_f_take_v() -> None:
    assert [quantities.normalise_unit(w) for w in ("wife", "knife", "half", "chef", "roof")] == [
        "wives", "knives", "halves", "chefs", "roofs"
    ]  # fmt: skip
    (q,) = quantities.find("Baghdadi has three wives.", "en")
    assert q.unit == quantities.normalise_unit("wife")  # a wife and wives compare


def test_round_twentysix_a_transcripts_turns_are_their_speakers() -> None:
    text = (
        "Rep. Duncan Hunter, Republican of California, spoke to Fox News last night.\n\n"
        "Van Susteren: Tell me what you know.\n\n"
        "Hunter: At least ten ISIS fighters have been caught coming across the border in Texas.\n\n"
        "Van Susteren: How do you know that?\n\n"
        "Hunter: No. They caught them at the border."
    )
    claims = {c.text: c.attributed_to for c in extract.read(text, model=KEEP_ALL).candidates}
    fighters = "At least ten ISIS fighters have been caught coming across the border in Texas."
    assert claims[fighters] == "Rep. Duncan Hunter"
    # a match report's team notes take turns too, but ask nothing: no transcript
    notes = (
        "Thunder: F Hamidou Diallo missed his third straight game with a left knee sprain.\n\n"
        "Lakers: Kyle Kuzma left the court in the second quarter with an eye abrasion.\n\n"
        "Thunder: Host Portland on Tuesday night.\n\nLakers: Host Denver on Tuesday night."
    )
    _, found = extract.readings(notes)
    assert len(found) == 4 and [r.said.who for r in found] == [None] * 4


def test_round_twentysix_what_a_second_reading_of_the_rules_found() -> None:
    """Cases a reviewer of this round's rules found, each kept as the rules now read them."""
    # a described speaker who "called" something speaks
    assert extract.attribute("A senior official called Russia's actions unacceptable.").who == (
        "A senior official"
    )
    # a short quoted reply is no claim, however named its source
    text = 'Police arrested 3 men. "No comment," a police spokesman told Reuters on Monday.'
    assert [c.text for c in extract.claims(text, model=KEEP_ALL)] == ["Police arrested 3 men."]
    # a hyphen bullet or an empty line is no signed quotation
    assert [a.who for a in attribution.attribute_all(['List:', '"Eggs"', "- Free Shipping"])] == [
        None, None, None
    ]  # fmt: skip
    assert [a.who for a in attribution.attribute_all(["", "— Jane Doe"])] == [None, None]
    # feet and inches, "page views", "part-time", an opening price, a title-case headline
    assert [(q.value, q.unit) for q in quantities.find("He was 6'2\" and 200 lbs.", "en")][1:] == [
        (200, "lbs")
    ]
    for sentence, unit in (
        ("Walmart will hire 20,000 part-time workers.", "workers"),
        ("The site drew 10 million page views last month.", "views"),
    ):
        assert [q.unit for q in quantities.find(sentence, "en")] == [unit]
    assert [q.bound for q in quantities.find("Shares started at $38 on Friday.", "en")] == ["exact"]
    _, [headline] = extract.readings("Apple Will Release The iPhone 12 In October")
    assert headline.rule == "prediction"


# Round twenty-seven: speech verbs of forecast and naming, read from the fifty-four sets' misses
# before held-out-53 was scored.
@pytest.mark.parametrize(
    ("sentence", "who", "claim"),
    [
        ("Munster expects an ASP of $450 after factoring in the bands.", "Munster", None),
        ("Munster sees an overall ASP at around $650 for the mid-tier Watch series.", "Munster",
         None),
        ("Apple expects most people to be wearing the Watch passively.", "Apple", None),
        ("The Sunday Times and Sunday People identified Bary as a member of a group of at least "
         "three British-born ISIS fighters.", "the Sunday Times and Sunday People", None),
        ("UN envoy Nickolay Mladenov blamed the deaths on the extremist group.",
         "UN envoy Nickolay Mladenov", None),
        ("In 1990, Pope John Paul implied that animals had souls.", "Pope John Paul",
         "Animals had souls."),
        ("Secretary of State William Galvin speculated that some of the items could have "
         "deteriorated over time.", "Secretary of State William Galvin",
         "Some of the items could have deteriorated over time."),
    ],
)  # fmt: skip
def test_round_twentyseven_forecasting_and_naming_verbs_speak(
    sentence: str, who: str, claim: str | None
) -> None:
    """Their object is no claim of its own ("an ASP of $450"): the sentence stays the claim,
    unless "that" brings a clause."""
    said = extract.attribute(sentence)
    assert (said.who, said.assertion) == (who, claim or sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police identified the victim on Tuesday.",  # "on Tuesday" is when, not a blame
        "Three Brits identified as possibly being the killers were named.",
        "He blamed himself.",
        "Jim sees the good in nearly everything and everyone.",
        "The logo is the one you would expect to find in a pamphlet from the seventies.",
        "They took over a radio station and vowed to keep up the pressure on the government.",
        "The storm is expected to hit Florida.",
    ],
)
def test_round_twentyseven_the_same_verbs_without_a_speakers_object_name_no_one(
    sentence: str,
) -> None:
    assert extract.attribute(sentence).who is None


def test_round_twentyseven_a_closing_mark_left_on_the_next_line_closes_the_quote() -> None:
    """The splitter may leave a quotation's closing mark at the head of the next sentence; the
    sentences after it are the writer's again, not the quotation's."""
    texts = [
        'The report says: "Apple expects to see better battery life when using the '
        "Watch's fitness tracking software.",
        "\" Which, sure, is better than the two-and-a-half hours you'd get under heavy use.",
        "As a point of comparison, the Moto 360 easily lasts a full day of mixed-use.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == ["the report", "the report", None]


# Round twenty-seven, read from held-out-53 (long news bodies) after its blind score.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Sorkin confirmed this year that he finished the film's script.", "Sorkin"),
        ("It has been revealed by the British astronomer Patrick Moore that, on the morning of "
         "January 4th 2014, an extraordinary astronomical event will occur.",
         "the British astronomer Patrick Moore"),
        ("The man has been identified by British security services as Mohammed Emwazi.",
         "British security services"),
        ("The article on Daily Buzz Live mentions that this claim came from Patrick Moore.",
         "the article on Daily Buzz Live"),
        ("Cage UK, a counter-terrorism activist group which had discussions with Emwazi before he "
         "left for Syria, has issued a statement blaming British foreign policy.",
         "Cage UK, a counter-terrorism activist group"),
        ("Following the show of support, Vickers released a statement expressing his gratitude.",
         "Vickers"),
        # a live blog's time stamp is no part of the subject
        ("11.22 The Independent newspaper reported in a story in 2010 that two British jihadists "
         "had been stopped by MI5 in Tanzania.", "the Independent newspaper"),
        ("He went on: 'On behalf of all members of the team, I would like to extend our deepest "
         "condolences.", "He"),
    ],
)  # fmt: skip
def test_round_twentyseven_speakers_of_long_news_copy(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    "sentence",
    ["The project went on to win awards.", "He mentioned the weather."],
)
def test_round_twentyseven_went_on_and_mentioned_without_speech_name_no_one(
    sentence: str,
) -> None:
    assert extract.attribute(sentence).who is None


def test_round_twentyseven_whom_a_pronoun_stands_for_in_long_copy() -> None:
    """A pronoun after a sentence whose subject follows a phrase of circumstance is that
    subject; "It" is no office-holder ("The Prime Minister has said …")."""
    texts = [
        "Prime Minister Stephen Harper and Opposition leader Thomas Mulcair spoke.",
        "Following a minute of silence, Harper embraced Mulcair and read a statement.",
        "'We will not be intimidated,' he said.",
    ]
    assert attribution.attribute_all(texts)[2].who == "Prime Minister Stephen Harper"
    texts = [
        "The Independent newspaper reported in 2010 that two men had been stopped.",
        "The Prime Minister has said the group should be banned.",
        "It claims that Emwazi was put on a terror watch list by MI5.",
    ]
    assert attribution.attribute_all(texts)[2].who == "the Independent newspaper"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a live blog's time stamp is no figure; a price or a scaled count still is
        ("11.58 The name John came from hostages who had been released.", []),
        ("10.50 Jihadi John named as Mohammed Emwazi, according to reports.", []),
        ("3.50 Million people live there.", [(3500000, "people", "exact")]),
        ("He paid $11.58 for lunch.", [(11.58, "USD", "exact")]),
        # a height in feet and inches is two figures, as the gold counts it
        ("A fit, tall 6-foot-4, Vickers spends many of his lunch breaks running.",
         [(6, "feet", "exact"), (4, "inches", "exact")]),
        ("A car on the road half a kilometer away has more pull on you than Pluto does.",
         [(0.5, "km", "exact")]),
        ("It lasted half an hour.", [(0.5, "hours", "exact")]),
        # "over" as a verb's particle is no bound
        ("A man ran over two Canadian soldiers in Quebec.", [(2, "troops", "exact")]),
        ("Police found over 40 bodies.", [(40, "bodies", "min")]),
    ],
)  # fmt: skip
def test_round_twentyseven_figures_of_long_news_copy(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


@pytest.mark.parametrize(
    ("sentence", "claim", "claimant", "disputed_by"),
    [
        ("Jordan disputed the ISIS claim.", None, "ISIS", "Jordan"),
        ("Jordanian officials cast doubt on the Islamic State's claim but did not explicitly rule "
         "it out.", None, "the Islamic State", "Jordanian officials"),
        ("Homeland Security Secretary Jeh Johnson is pushing back against a claim made by Rep. "
         "Duncan Hunter that at least 10 fighters were apprehended.",
         "At least 10 fighters were apprehended.", "Rep. Duncan Hunter",
         "Homeland Security Secretary Jeh Johnson"),
        # the denial's negation comes off the claim it denies
        ("However, Ibrahim said she is not al-Baghdadi’s wife, as Lebanese officials had "
         "claimed.", "She is al-Baghdadi’s wife.", "Lebanese officials", "Ibrahim"),
    ],
)  # fmt: skip
def test_round_twentyseven_claims_disputed_with_their_source_named(
    sentence: str, claim: str | None, claimant: str, disputed_by: str
) -> None:
    inner = nested.find(sentence)
    assert inner is not None
    assert (inner.claim, inner.claimant, inner.disputed_by) == (
        claim or sentence,
        claimant,
        disputed_by,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the economy is growing, as analysts had predicted.",  # no denial
        "The minister said the figures were wrong, as he has said before.",
    ],
)
def test_round_twentyseven_an_as_clause_without_a_denial_is_no_dispute(sentence: str) -> None:
    assert nested.find(sentence) is None


# Regressions a second reading of round twenty-seven's rules found, each kept as now read.
@pytest.mark.parametrize(
    ("sentence", "who", "claim"),
    [
        # a verb of the round inside a relative clause is not the sentence's
        ("Mr Smith, who expects to retire next year, said the firm was in good shape.",
         "Mr Smith", "The firm was in good shape."),
        ("Mr Jones, who blamed the crash on the weather, said the road was safe.", "Mr Jones",
         "The road was safe."),
        ("Jones, who mentioned that he had been ill, said he would play on Saturday.", "Jones",
         "He would play on Saturday."),
        # a forecast's figure is named by what it measures; a plain count is a fact
        ("The city sees 10,000 visitors a year.", None, None),
        ("The couple expects 200 guests at the wedding.", None, None),
        ("The company expects revenue of $5 billion.", "the company", None),
        ("UBS sees the stock at $180.", "UBS", None),
        ("Two housing projects in the city were halted after protests.", None, None),
        # "according to" is no "expects … to"; nobody is no speaker
        ("She expects her first child next month, according to her spokesman.",
         "her spokesman", "She expects her first child next month."),
        ("Nobody expects the strike to end soon.", None, None),
    ],
)  # fmt: skip
def test_round_twentyseven_what_a_second_reading_of_the_verbs_found(
    sentence: str, who: str | None, claim: str | None
) -> None:
    said = extract.attribute(sentence)
    assert (said.who, said.assertion) == (who, claim or sentence)


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # "over" after a verb bounds a measure, a share or money; a particle only before a count
        ("The journey took over three hours.", [(3, "hours", "min")]),
        ("Shares fell over 5% on Monday.", [(5, "%", "min")]),
        ("He drove over 500 miles.", [(500, "miles", "min")]),
        ("The stock has run over 50% this year.", [(50, "%", "min")]),
        ("The company turned over $2 million to police.", [(2000000, "USD", "min")]),
        ("He handed over 40 files.", [(40, "files", "exact")]),
        # a number opening a sentence before a unit is no time stamp
        ("2.40 GHz processors power the new laptop.", [(2.4, "ghz", "exact")]),
    ],
)
def test_round_twentyseven_what_a_second_reading_of_the_figures_found(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


def test_round_twentyseven_a_pronoun_takes_no_subject_of_the_other_sex() -> None:
    texts = ["After the final, Roger Federer praised Serena Williams.", "She said she was proud."]
    assert attribution.attribute_all(texts)[1].who == "Serena Williams"
    texts = ["The Prime Minister has said the group should be banned.", "It claims it was."]
    assert attribution.attribute_all(texts)[1].who is None


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("On Thursday, his mother Susan Bibeau, who sits on the country's Immigration board, "
         "released a statement saying she had been shocked by the shooting.",
         "his mother Susan Bibeau"),
        ("The UN released a report saying 300 people had died.", "the UN"),
        ("11.18 Immediately after the Washington Post published the name, the BBC also released a "
         "story, explaining they had chosen not to unmask him.", "the BBC"),
        ("The Guardian has obtained emails in which Emwazi said MI5 attempted to recruit him.",
         "Emwazi"),
        # a pronoun in the clause is the name before it that opens the sentence or follows "with"
        ("Morrison did reference his earlier testimony, in which he said others had raised "
         "concerns.", "Morrison"),
        ("Israel Radio aired an interview with Rosenberg earlier in November in which she said "
         "she had travelled to Iraq.", "Rosenberg"),
        ("In October 2011, Mueller uploaded a video to a Syrian activist YouTube channel in which "
         "she said, “I am in solidarity with the Syrian people.”", "Mueller"),
    ],
)  # fmt: skip
def test_round_twentyseven_statements_reports_and_clauses_that_name_their_speaker(
    sentence: str, who: str
) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    "sentence",
    ["The band released a new story album last year.", "The police released a report."],
)
def test_round_twentyseven_a_release_with_nothing_said_names_no_one(sentence: str) -> None:
    assert extract.attribute(sentence).who is None


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("A man ran over two Canadian soldiers in Quebec, killing one.",
         [(2, "troops", "exact"), (1, "troops", "exact")]),
        ("Militants killed six soldiers and wounded one.",
         [(6, "troops", "exact"), (1, "troops", "exact")]),
        ("Police opened fire on the students, killing three youths and wounding 25.",
         [(3, "youths", "exact"), (25, "youths", "exact")]),
        ("Soldiers opened fire on a crowd of protesters, killing five in what became a massacre.",
         [(5, "protesters", "exact")]),
        ("The storm hit the town on Monday, killing one.", []),  # no noun to borrow
    ],
)  # fmt: skip
def test_round_twentyseven_a_count_after_killing_or_wounding_borrows_its_noun(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nevertheless, the U.S. will try to have restrictions placed on out-of-country calls.",
        "A group of physicians, alarmed that the Trump administration is denying flu vaccines "
        "to immigrants in custody, is urging the Department of Homeland Security to act.",
        "On Monday, ESPN’s John Wildhack, executive vice president of programming and production "
        "released a statement refuting Esquire’s original report that the network scheduled a "
        "panel discussion.",
    ],
)
def test_round_twentyseven_no_speaker_is_a_fragment_of_a_clause(sentence: str) -> None:
    """Whichever rule finds it, a name holds no modal verb and no clause; "original report" is
    a noun, not "report" the verb."""
    assert extract.attribute(sentence).who is None


def test_round_twentyseven_a_speech_verb_is_no_part_of_a_name() -> None:
    assert speakers.SPEECH_VERB_END_RE.sub("", "the Council said") == "the Council"
    assert extract.attribute("The reports say that supply was short.").who == "the reports"


def test_round_twentyseven_a_judgement_with_adjectives_disputes_the_claim_named() -> None:
    inner = nested.find('Jordan\'s Foreign Minister Nasser Judeh, called ISIS\'s claim "an old '
                        'and sick trick."')  # fmt: skip
    assert inner is not None
    assert (inner.claimant, inner.disputed_by) == ("ISIS", "Jordan's Foreign Minister Nasser Judeh")
    assert nested.find("The mayor called Hunter's claim.") is None  # no judgement, no dispute


def test_round_twentyseven_it_is_no_person_named_before() -> None:
    texts = ["Juan Frias, a jeweller, said the price was high.", "It says the case is gold."]
    assert attribution.attribute_all(texts)[1].who is None


def test_round_twentyseven_more_first_names_keep_she_from_a_man() -> None:
    texts = [
        "Dominic Casciani reported from the street.",
        "A nearby neighbour told The Telegraph's Camilla Turner:",
        "This is a very quiet area.",
        'She said she had not seen him "for a while".',
    ]
    assert attribution.attribute_all(texts)[3].who != "Dominic Casciani"
    assert (genders.of_name("Dominic Casciani"), genders.of_name("Camilla Turner")) == ("m", "f")


# Round twenty-eight, read from the fifty-five sets' missed figures.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # an age is a figure whatever word comes before it; a title in capitals is a name
        ("While reports of the death of Cuba's 88-year-old former leader could be true, there "
         "has been no official confirmation.", [(88, "years", "exact")]),
        ("In December 14-year-old Sam Lee caught a 15st catfish while on holiday in Spain.",
         [(14, "years", "exact"), (15, "st", "exact")]),
        ("There is no 71-year-old Father John Michael O’Neal in Massachusetts.",
         [(71, "years", "exact")]),
        ("Can This 20 Year Old Burger Get More Likes Than Kanye West?", []),
        # a total told in parts: the parts count what the total counts
        ("Forensic audio expert Paul Ginsberg analyzed the recording and said he detected at "
         "least 10 gunshots -- a cluster of six, followed by four.",
         [(10, "gunshots", "min"), (6, "gunshots", "exact"), (4, "gunshots", "exact")]),
        ("An independent autopsy indicates that Brown was hit at least six times, four in his "
         "arm and twice in the head.",
         [(6, "times", "min"), (4, "times", "exact"), (2, "times", "exact")]),
        ("It confirms Darren Wilson shot at Brown 11 times—five from behind and six from the "
         "front.", [(11, "times", "exact"), (5, "times", "exact"), (6, "times", "exact")]),
        # "one of" picks one out; a part is less than its total
        ("Tiger Woods, winner of 14 major golf championships and one of the richest athletes, "
         "sold it.", [(14, "championships", "exact")]),
        ("He scored 3 goals, 12 in all.", [(3, "goals", "exact"), (12, "", "exact")]),
    ],
)  # fmt: skip
def test_round_twentyeight_ages_and_totals_told_in_parts(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


# Round twenty-eight, read from held-out-54 after its blind score.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a "from" that opens a range, not a change
        ("It takes a few more to build a watch case, anywhere from 1.5 to 8 cc depending on the "
         "size.", [(8, "cc", "range")]),
        ("It rose from 15 to 80 dollars.", [(15, "", "exact"), (80, "USD", "exact")]),
        # a price per unit names the unit
        ("18-karat gold currently sells for $29.11 per gram, $905 per troy ounce, or $480 per cc.",
         [(18, "karats", "exact"), (29.11, "per gram", "exact"), (905, "per troy ounce", "exact"),
          (480, "per cc", "exact")]),
        # gold's purity in karats, not thousands
        ("One ounce of 18k gold occupies about 1.8 cubic centimeters.",
         [(18, "karats", "exact"), (1.8, "centimeters", "exact")]),
        ("It has 18k employees.", [(18000, "employees", "exact")]),
        # numbers that cite or call are no figures
        ("Prosecutors said the new Arizona state law of Self-Rape [A.R.S. §§ 29-169 & 48-69] "
         "would carry a sentence.", []),
        ("His mother called 9-1-1 when she found her son in his room.", []),
        ("The Wild are 14-0-1 this season.",
         [(14, "", "exact"), (0, "", "exact"), (1, "", "exact")]),
        # a number word counts what follows a nationality adjective
        ("At least 17 American military personnel and seven Iraqi police were sickened.",
         [(17, "troops", "min"), (7, "police", "exact")]),
        ("The Three Kingdoms era ended.", []),
        # each side of "A by B" measures in the unit the last names
        ("The Muthanna complex measures three by three miles.",
         [(3, "miles", "exact"), (3, "miles", "exact")]),
        ("The time capsule, contained in a 5-by-7-inch copper box, was opened.",
         [(5, "inches", "exact"), (7, "inches", "exact")]),
        ("It won by 2 to 1 goals.", [(2, "", "exact"), (1, "goals", "exact")]),
        # "the high eight figures" is an idiom of magnitude (HELDOUT42's convention)
        ("Islam said his net worth is in the high eight figures.", []),
        ("He never earned a six-figure salary.", []),
        ("For instance these 5 figures reveal the character.", [(5, "figures", "exact")]),
    ],
)  # fmt: skip
def test_round_twentyeight_figures_of_held_out_54(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Here’s how Brown’s friend, Dorian Johnson, described the shooting to MSNBC: Johnson "
         "says the officer attempted to thrust his door open.", "Brown’s friend, Dorian Johnson"),
        ("The munitions there were only partially destroyed, according to the UN - then left to "
         "Iraq.", "the UN"),
    ],
)  # fmt: skip
def test_round_twentyeight_speakers_of_held_out_54(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


def test_round_twentyeight_an_answer_no_ends_its_sentence() -> None:
    texts = [s.text for s in sentences("Is it gold? No. Numerous reports state that it is.")]
    assert texts == ["Is it gold?", "No.", "Numerous reports state that it is."]
    assert [s.text for s in sentences("He lives at No. 10 Downing Street.")] == [
        "He lives at No. 10 Downing Street."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "In case you hadn’t heard, a little movie called Batman v Superman: Dawn of Justice is "
        "currently filming in and around Detroit, MI.",
        "The nun, who came to Italy from South America, belonged to an order called the "
        "Missionary Sisters of the Love of Christ in Macerata.",
    ],
)
def test_round_twentyeight_a_thing_called_by_its_name_says_nothing(sentence: str) -> None:
    assert extract.attribute(sentence).who is None


def test_round_twentyeight_called_with_a_judgement_still_speaks() -> None:
    assert extract.attribute("A senior official called Russia's actions unacceptable.").who
    assert extract.attribute("The group called the Islamic State a terrorist group.").who


def test_round_twentyeight_she_after_a_described_woman_is_her_not_an_order() -> None:
    texts = [
        "The nun, who came to Italy from South America, belonged to an order called the "
        "Missionary Sisters of the Love of Christ in Macerata.",
        "She says she had no idea she was pregnant.",
    ]
    assert attribution.attribute_all(texts)[1].who == "the nun"


# Round twenty-eight: regressions a second reader found in the round's rules, each mended.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a part of a total is no time, verse, ratio or day
        ("The 80 passengers were evacuated at 11:20 on Friday.", [(80, "passengers", "exact")]),
        ("Tebow threw for 316 yards, echoing John 3:16.", [(316, "yards", "exact")]),
        ("The 40 members approved it by a margin of 3:1.", [(40, "members", "exact")]),
        ("The 300 delegates will meet June 5 and 6 in Paris.", [(300, "delegates", "exact")]),
        ("He had eight wounds on his body, but two may have been re-entry wounds.",
         [(8, "wounds", "exact"), (2, "wounds", "exact")]),
        # karats are gold's purity only
        ("He bought a $10k gold Rolex last year.", [(10000, "USD", "exact")]),
        ("The mint sold 50k gold coins.", [(50000, "coins", "exact")]),
        ("Mo Farah won 10K gold.", []),
        # a relay's repeats are no sides
        ("The 4x400 metres relay team was disqualified.", []),
        # "range" the noun opens a change, the verb a range
        ("Tesla says the update extends the car's range from 250 to 270 miles.",
         [(250, "", "exact"), (270, "miles", "exact")]),
        ("Shortly after the trip, the seven girls, who range from ages 13 to 15, turned up.",
         [(15, "", "range")]),
        # a hockey record is no phone number; "no" is no citation
        ("The Bruins (9-1-1) lead the division.", [(9, "", "exact"), (1, "", "exact"),
                                                   (1, "", "exact")]),
        ("There were no 2-3 bedroom homes for sale.", [(3, "homes", "range")]),
        ("Channel Four Danish drama Borgen returns.", []),
    ],
)  # fmt: skip
def test_round_twentyeight_mended_figures(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


@pytest.mark.parametrize(
    "sentence",
    [
        "A rights group called the Saudi-led strikes a war crime.",
        "One newspaper called Obama weak.",
        "A state-run newspaper called the US a bully.",
    ],
)
def test_round_twentyeight_a_judgement_after_called_is_speech(sentence: str) -> None:
    assert extract.attribute(sentence).who is not None


def test_round_twentyeight_a_described_subject_gives_way_to_a_name() -> None:
    texts = [
        "Maria Lopez, 34, was arrested on Monday.",
        "The woman, who lives alone, was released on bail.",
        "She said she was innocent.",
    ]
    assert attribution.attribute_all(texts)[2].who == "Maria Lopez"
    texts = ["Dr. Joyce Brothers said the show was over.", "She said it had been fun."]
    assert attribution.attribute_all(texts)[1].who == "Dr. Joyce Brothers"


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("The lawsuit, Case No. CV-2014-1234, was filed in May.",
         ["The lawsuit, Case No. CV-2014-1234, was filed in May."]),
        ("Count No. Two was dropped.", ["Count No. Two was dropped."]),
        ("She said no. He then left.", ["She said no.", "He then left."]),
    ],
)  # fmt: skip
def test_round_twentyeight_no_ends_only_an_answer(text: str, split: list[str]) -> None:
    assert [s.text for s in sentences(text)] == split


# Round twenty-eight, read from held-out-55 after its blind score.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Records filed with Seminole County court show that DeJesus and Credido were married "
         "on December 26, 2013.", "Records filed with Seminole County court"),
        ("Neighbours in the upscale gated community confirmed that they know the blonde woman.",
         "Neighbours in the upscale gated community"),
        ("Two Iraqi military officials, speaking anonymously because they are not authorized to "
         "brief the media, say major operations are underway.", "Two Iraqi military officials"),
        ("According to Global\u00adPost, two eyewitnesses saw his interception.", "GlobalPost"),
        ("Polls show that Trump is almost back to where he was.", None),
        ("The man was abandoned with no one willing to show any mercy, the Daily Mirror reports.",
         "the Daily Mirror"),
    ],
)  # fmt: skip
def test_round_twentyeight_speakers_of_held_out_55(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("The DC Toys Collector channel has more than 3.7m subscribers.",
         [(3700000, "subscribers", "min")]),
        ("A 2.5m carnivorous fish was caught.", []),
        ("He was the buyer of a four-bedroom home in Orlando.", [(4, "bedrooms", "exact")]),
        ("She drives a four-door sedan.", []),
    ],
)  # fmt: skip
def test_round_twentyeight_figures_of_held_out_55(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


# Round twenty-eight: regressions a second reader found in the held-out-55 rules, mended.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Troops injured dozens of demonstrators, hospital officials said.", "hospital officials"),
        ("The board appointed a new chief executive on Monday, the company said.", "the company"),
        ("Police seized documents kept in the safe, the prosecutor said.", "the prosecutor"),
        ("Exit polls show that the incumbent is ahead.", "Exit polls"),
        ("The rise in positive tests at clinics indicates that the outbreak is spreading.", None),
        ("The city's newly elected council said it would act.", "the city's newly elected council"),
    ],
)
def test_round_twentyeight_participles_and_documents_mended(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    "sentence",
    [
        "The fracking well would be drilled within 500m of homes.",
        "The crane toppled 30m onto homes.",
    ],
)
def test_round_twentyeight_metres_before_a_preposition_are_no_millions(sentence: str) -> None:
    assert quantities.find(sentence, "en") == []


def test_round_twentyeight_an_interview_with_unnamed_questions_takes_turns() -> None:
    texts = [
        "Was the $72 million figure true?",
        "Mohammed Islam: No, it is not true.",
        "I run an investment club which does only simulated trades.",
        "How did the night go?",
        "Damir Tulemaganbetov: He had 297 unread messages.",
        "All the friends shared it.",
        "Mohammed Islam: It was hyped up beyond belief.",
        "Damir Tulemaganbetov: We stayed awake all night.",
    ]
    found = [a.who for a in attribution.attribute_all(texts, frozenset({0, 1, 3, 4, 6, 7}))]
    assert found[1:3] == ["Mohammed Islam", "Mohammed Islam"]
    assert found[4:6] == ["Damir Tulemaganbetov", "Damir Tulemaganbetov"]


def test_round_twentyeight_team_notes_without_a_question_are_no_interview() -> None:
    texts = [
        "Thunder: Hamidou Diallo missed the game.",
        "Lakers: Anthony Davis scored 30.",
        "Thunder: Chris Paul had ten assists.",
        "Lakers: LeBron James rested.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == [None, None, None, None]


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("The title of the video posted Tuesday was “A Message to America” and was produced by "
         "the Islamic State’s media arm, according to the Site Intelligence Group.",
         "the Site Intelligence Group"),
        ("Apple posted Tuesday that sales rose.", "Apple"),
    ],
)  # fmt: skip
def test_round_twentyeight_a_participle_on_a_noun_is_no_speech(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


# Round twenty-nine: a speaker is never a clause, and a phrase set before the name goes.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # a finite verb or an adverb before a verb: the words are a clause, nobody speaks
        ("Thus, a lot of readers are apt to believe the fictional reports that they see on the "
         "site and share them as true.", None),
        ("However, the hoax story even drafts in some credible-sounding sources including Nasa "
         "chief Charles Bolden, who reportedly warned the public to stay calm.", None),
        ("Even though Anna Wintour usually allows employees to eat and drink inside of the "
         "office, reports claim that a strict policy has been issued.", None),
        # a verb or an adjective before the speech word makes it a noun
        ("The local remote rescue service, part of the Emergency Ministry, received calls of "
         "Yeti sightings, which prompted the TV station to investigate.", None),
        # a relative clause may hold a verb
        ("Victor Gutierrez, a mechanic who lives less than a kilometre from the site of the "
         "crater said that he heard the explosion.",
         "Victor Gutierrez, a mechanic who lives less than a kilometre from the site of the "
         "crater"),
        ("It's been rumored for years, and even now Amazon tells the Journal that this is just an "
         "experiment.", "even now Amazon"),
        # a phrase of place, topic or time before the name is not the name
        ("She is being questioned in the Yarze district, north of Beirut, the unnamed official "
         "said.", "the unnamed official"),
        ("About erasing the logo, the elder Olberholtzer told the Galveston Daily News that "
         "AutoNation was supposed to have done it.", "the elder Olberholtzer"),
        ("In a statement about Ms. Mueller, the family said she was a passionate aid worker.",
         "the family"),
        ("Underneath the post, the wanted man commented that he would be back on Monday.",
         "the wanted man"),
    ],
)  # fmt: skip
def test_round_twentynine_a_speaker_is_no_clause(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


# Round twenty-nine, read from held-out-56 after its blind score and from the pooled misses.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # two places after one preposition are no new subject; a plural before "who" speaks
        ("Hostages who have survived being held by ISIS in Syria and Iraq have said that Jihadi "
         "John is a man obsessed with Somalia.", "Hostages"),
        ("Residents who fled the town said the shelling continued.", "Residents who fled the town"),
        # the one interviewed speaks in ", who said"; one reached out to is reported
        ("CNN interviewed Peter Henderson, who said he was locking his bicycle near the memorial "
         "when the initial shooting took place.", "Peter Henderson"),
        ("After airing the tape, anchor Don Lemon interviewed the man's attorney, Lopa "
         "Blumenthal, who said the FBI had already interviewed both her and her client.",
         "Lopa Blumenthal"),
        ("Vanity Fair reached out to the actor’s reps, who denied that the man in the video was "
         "Rudd.", None),
        # a medium set before the subject without a comma
        ("In the clip the group said his murder was in retaliation for the Obama "
         "administration’s continued airstrikes in Iraq.", "the group"),
        # telling someone, writing: the subject of the clause speaks
        ("Riquelme also shared a photo of the gift and their reactions on Facebook (see below), "
         "writing, “Sometimes the best gifts come in the lamest packages.", "Riquelme"),
        ("One of Kuwait-born Mr Emwazi’s close friends identified him, telling a newspaper: ‘I "
         "have no doubt that Mohammed is Jihadi John.",
         "One of Kuwait-born Mr Emwazi’s close friends"),
        ("The militant at Foley’s side started his speech by saying: “This is James Wright Foley, "
         "an American citizen of your country.”", "the militant at Foley’s side"),
        # the review's near misses keep their speaker (or stay without one)
        ("The accused told the court he was at home that night.", "the accused"),
        ("The often outspoken senator said the bill would cost $2 trillion.",
         "the often outspoken senator"),
        ("Within Reach, a children's charity, said it had helped 3,000 families.",
         "Within Reach, a children's charity"),
        ("The talks were held in Geneva and Lavrov said Russia would not back down.", "Lavrov"),
        ("Fox News interviewed the mother of Jane Doe, who said her daughter was innocent.", None),
        ("The officer stopped the car, telling the driver to get out, and then searched it.",
         None),
        ("He retired in 2010, writing, painting and travelling until his death in 2019.", None),
    ],
)  # fmt: skip
def test_round_twentynine_speakers_from_heldout56(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # "aged" gives an age in years, with its bound after it
        ("Mr Emwazi, who first moved to Britain aged six, was raised in a middle-class family.",
         [(6, "years", "exact")]),
        ("Lego products targeted girls aged 4 and up, said Lego.", [(4, "years", "min")]),
        ("They were popular with children aged three and under.", [(3, "years", "max")]),
        ("Children aged 8 to 12 were tested.", [(12, "years", "range")]),
        ("An aged man sat down.", []),
        # a numbered book of the Bible before its chapter is a name
        ("Some Protestants do the same; 1 Corinthians 6:1 is often interpreted as calling for "
         "that.", []),
        ("He met 3 John Deere dealers.", [(3, "dealers", "exact")]),
    ],
)  # fmt: skip
def test_round_twentynine_ages_and_numbered_books(
    sentence: str, figures: list[tuple[float, str, str]]
) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


# Round thirty: from the pooled speaker errors.
def test_round_thirty_a_signature_on_its_own_line_signs_only_the_post_paragraph() -> None:
    # FNC-1 body 2015: the page's own sentences in the paragraph before the embedded post are
    # the reporter's, not the account's ("— جبهة أنصار الدين (@ansardeenfront) …")
    text = (
        "The original tweet, below, was posted to an account associated with the Jabhat Ansar "
        "al-Din militant group based in Syria. Oberholtzer traded in his truck to a Texas "
        "dealership that then placed it up for auction in 2013.\n\n"
        "The truck is ours now and it fights for us in Aleppo pic.twitter.com/3ZalpDNG8N\n\n"
        "— Ansar al-Din Front (@ansardeenfront) December 15, 2014\n\n"
        "Other images of the truck have also popped up on the Twitter account, including this "
        "one showing the mud-covered vehicle from October:\n\n"
        "Our heavy guns stop the warplanes in Handarat pic.twitter.com/9nV9EYQE4u\n\n"
        "— Ansar al-Din Front (@ansardeenfront) October 10, 2014\n"
    )
    read = extract.read(text)
    who = {s.text[:20]: s.attributed_to for s in [*read.candidates, *read.skipped]}
    assert who["The original tweet, "] is None
    assert who["Oberholtzer traded i"] is None
    assert who["Other images of the "] is None
    assert who["The truck is ours no"] == "Ansar al-Din Front"


@pytest.mark.parametrize(
    ("sentence", "who", "assertion"),
    [
        # held-out-57, body 1388: the pronoun tag stands for the speaker named before the colon
        ("One YouTube user, with the handle ClemtheRanter, said: 'A large number of YouTube "
         "prank videos are staged,' he said.",
         "One YouTube user, with the handle ClemtheRanter",
         "A large number of YouTube prank videos are staged."),
        ('The mayor said: "We will rebuild," she said.', "the mayor", "We will rebuild."),
        # a name inside the quote is not the speaker
        ('"Smith said we should go," he said.', "he", "Smith said we should go."),
        # a posting verb before "by" is a participle, not speech
        ("The short film posted by 'serial prankster' Josh Paler Lin shows Thomas, a man living "
         "on the streets of California, being taken to a sushi restaurant.", None, None),
        ("As reported by the Daily Star, the despot has requested bottles of snake wine.",
         "the Daily Star", None),
    ],
)  # fmt: skip
def test_round_thirty_speakers_from_heldout57(
    sentence: str, who: str | None, assertion: str | None
) -> None:
    found = extract.attribute(sentence)
    assert found.who == who
    if assertion is not None:
        assert found.assertion == assertion


def test_round_thirty_a_possessor_before_a_name_is_where_the_person_works() -> None:
    # FNC-1 body 779: "Lego UK’s Emma Owen" is not the "Lego" named before her
    texts = [
        "While many sceptics questioned the authenticity of the text, Lego confirmed it is "
        "indeed genuine.",
        "“The text is from 1974 and was a part of a pamphlet,” said Lego UK’s Emma Owen.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == ["Lego", "Lego UK’s Emma Owen"]


def _speakers_by_opening(text: str) -> dict[str, str | None]:
    read = extract.read(text)
    return {s.text.lstrip("'\"‘“")[:24]: s.attributed_to for s in [*read.candidates, *read.skipped]}


def test_round_thirty_a_quote_left_open_ends_with_its_paragraph() -> None:
    # held-out-57, body 1388: a quote whose closing mark is missing does not run into the
    # reporter's next paragraph, which opens with no quotation mark
    text = (
        "While sitting in his hotel room in the new clip, Paler Lin asks Thomas what he would "
        "do with $100,000.\n\n"
        "Thomas says: 'When I come into some money I am going to go to three shelters that "
        "helped me out and buy a bunch of bus tickets for people.\n\n"
        "'This is what these people need. They've got places to go medically or where they "
        "can get help from an agency.\n\n"
        "YouTube users have been skeptical about Paler Lin's motivation, suggesting it is a "
        "'set-up' so he can gain traffic and profit.\n"
    )
    who = _speakers_by_opening(text)
    assert who["They've got places to go"] == "Thomas"
    assert who["YouTube users have been "] is None


def test_round_thirty_captions_between_a_quotes_paragraphs_do_not_end_it() -> None:
    # FNC-1 bodies 1164 and 2376: the tabloid's photo captions sit between the paragraphs
    text = (
        "Scottish SPCA inspector Stewart Taylor said: 'The dog is microchipped and we were able "
        "to find out his name is Kai.\n\n"
        "Cared for: Station staff looked after Kai until the Scottish SPCA arrived at the scene "
        "on Friday\n\n"
        "Rescued: The dog was found tied to a railing at the station\n\n"
        "'We contacted the owner registered to the microchip, who stated they had sold Kai "
        "online in 2013. Unfortunately they could not tell us the address of the person who "
        "bought him.\n"
    )
    who = _speakers_by_opening(text)
    assert who["We contacted the owner r"] == "Scottish SPCA inspector Stewart Taylor"
    assert who["Unfortunately they could"] == "Scottish SPCA inspector Stewart Taylor"
    # the captions stay out of the queue
    queued = [c.text for c in extract.read(text).candidates]
    assert not [q for q in queued if q.startswith(("Cared for", "Rescued"))]
    # a statement left open goes on past its heading and an embedded post into a wholly
    # quoted paragraph (a benchmark page: "Tottenham said in a statement: …")
    text = (
        "Tottenham said in a statement: \"Jose is one of the world's most accomplished "
        "managers having won 25 senior trophies.\n\n"
        "Club statement\n\n"
        "— Tottenham Hotspur (@SpursOfficial) November 20, 2019\n\n"
        '"He has won a domestic title in a record four different countries."\n'
    )
    assert _speakers_by_opening(text)["He has won a domestic ti"] == "Tottenham"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # a clause and "and said" / "but said": the clause's subject says the second part
        ("Pentagon Spokesman Col. Steve Warren could not confirm the deaths and said ISIS "
         "leaders had not been targeted.", "Pentagon Spokesman Col. Steve Warren"),
        ("Reached for comment, Apple spokeswoman Nat Kerris declined to provide an estimate on "
         "expected battery life, but said the company expects users will charge their Apple "
         "Watches once daily.", "Apple spokeswoman Nat Kerris"),
        ("Senior search team Andrei Kazaryan was one of the investigators and says he heard the "
         "foot crunches and found footprints.", "Senior search team Andrei Kazaryan"),
    ],
)  # fmt: skip
def test_round_thirty_a_clause_and_said(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # "and a half" goes on the figure before it
        ("I only use a cup and a half of honey.", [(1.5, "cups", "exact")]),
        ("The policy was enacted about a year and a half ago.", [(1.5, "years", "exact")]),
        ("Water in the area grew up to three meters and a half.", [(3.5, "meters", "max")]),
        ("Over the past decade and a half he worked with aid agencies.", [(15, "years", "exact")]),
        ("You can't take money without penalty until you've reached age 59 and a half.",
         [(59.5, "", "exact")]),
        ("He waited a while and a half.", []),
        # a decimal without its zero
        ("In 17 major league seasons, Canseco hit .266/.353/.515 with 462 home runs.",
         [(17, "seasons", "exact"), (0.266, "", "exact"), (462, "runs", "exact")]),
        # numbers that name: a retirement plan, a list, a standard, a second model
        ("In 2019, you can contribute up to $19,000 pretax to a 401(k).",
         [(19000, "USD", "max")]),
        ("Q: You've been named a 40 Under 40 Award recipient.", []),
        ("Wi-Fi 6, formerly known as 802.11ax, has hit the market this year.", []),
        ("The militant group has Russian-made MiG 21 and 23 warplanes.", []),
        ("From September to March 2013, 46 events at 21 separate institutions were segregated.",
         [(46, "events", "exact"), (21, "institutions", "exact")]),
    ],
)  # fmt: skip
def test_round_thirty_figures(sentence: str, figures: list[tuple[float, str, str]]) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


def test_round_thirty_a_possessive_opening_is_no_subject_for_the_next_pronoun() -> None:
    # held-out-57, body 1388: "If Josh Paler Lin’s business is …" names no speaker for "he"
    texts = [
        "If Josh Paler Lin’s business is to make viral-hit videos, why did he set out to "
        "‘expose’ a homeless person spending $100 on booze?",
        "Speaking in his own video, he said Paler Lin could not possibly have guaranteed it.",
    ]
    assert attribution.attribute_all(texts)[1].who != "If Josh Paler Lin’s"
    assert "’s" not in (attribution.attribute_all(texts)[1].who or "")


@pytest.mark.parametrize(
    ("sentence", "claim", "claimant", "disputed_by"),
    [
        # a time after the verb, and a claimant after "from" written with its article
        ("The Department of Homeland Security flatly denied on Wednesday a claim from a "
         "California Congressman that the ISIS terror army is quietly slipping into the United "
         "States through its porous southern border.",
         "The ISIS terror army is quietly slipping into the United States through its porous "
         "southern border.", "a California Congressman", "the Department of Homeland Security"),
        ("The ministry denied reports on Scottish media sites on Monday that the plant had closed.",
         "The plant had closed.", "Scottish media sites", "the ministry"),
    ],
)  # fmt: skip
def test_round_thirty_nested_claims(
    sentence: str, claim: str, claimant: str, disputed_by: str
) -> None:
    found = nested.find(sentence)
    assert found is not None
    assert (found.claim, found.claimant, found.disputed_by) == (claim, claimant, disputed_by)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # an adverb between the speaker and the verb is no part of the name (held-out-57)
        ("The pope personally debunked that rumor in an interview last March, saying the idea "
         "“has never crossed my mind”.", "the pope"),
        ("The officer calmly explained that the road was closed.", "the officer"),
        # a noun in -ly stays
        ("The Italian daily said the pope had spoken.", "the Italian daily"),
        ("Her family said she was safe.", "Her family"),
    ],
)  # fmt: skip
def test_round_thirty_an_adverb_after_the_speaker_goes(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


def test_round_thirty_a_captions_source_is_not_the_next_quotes() -> None:
    # held-out-57, body 1388: the caption names its own source; the quote after it is not
    # socialblade.com's
    text = (
        "Profitable: Some have highlighted the hefty profit Paler Lin has reportedly made from "
        "the film's success - up to an enormous $52,000 (above, in red), according to "
        "socialblade.com , which tracks YouTube channel statistics\n\n"
        "'I asked him if he could give me a shout-out and put my name in the description below "
        "so I can get some traffic to my YouTube channel, but it never happened.\n"
    )
    assert _speakers_by_opening(text)["I asked him if he could "] is None


def test_round_thirty_it_after_an_organisation_as_subject_and_shouted_furniture() -> None:
    # FNC-1 body 82: page furniture in capitals is nobody; "It said" is the organisation the
    # sentence before opened with
    texts = [
        "ADD A COMMENTSEE ALL COMMENTS",
        "Religion News Service was among the first media to set the record straight.",
        "It said in an article published late on Friday that the error appeared to have "
        "stemmed from a piece in the Italian newspaper Corriere della Sera on Nov. 27.",
    ]
    assert [a.who for a in attribution.attribute_all(texts)] == [
        None,
        None,
        "Religion News Service",
    ]
    # a person opening the sentence before is no "it"
    texts[1] = "John Smith was among the first to set the record straight."
    assert attribution.attribute_all(texts)[2].who is None


# Round thirty: the reviewer's regressions of the round's rules, mended.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Prime Minister Theresa May declined to comment on the talks but said a deal was close.",
         "Prime Minister Theresa May"),
        ("Journalist Can Dundar could not attend but said the trial was political.",
         "Journalist Can Dundar"),
        ("Will Smith said the film was done.", "Will Smith"),
        ("The suspect was born in Lyon and said to have travelled to Syria.", None),
        ("The man was arrested at the scene and said nothing to officers.", None),
        ("A man whom police could not identify and said was about 30 years old died later.",
         None),
        ("Jane Hart tweeted by mistake that the school was closed.", "Jane Hart"),
    ],
)  # fmt: skip
def test_round_thirty_review_speakers(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("He made 78 and a half-century in the match.", [(78, "", "exact")]),
        ("That was a goal and a half.", []),
        ("The Boeing 737 and 200 other aircraft were grounded.", [(200, "aircraft", "exact")]),
        ("Mercedes-Benz 1,500 jobs to go", [(1500, "jobs", "exact")]),
    ],
)  # fmt: skip
def test_round_thirty_review_figures(sentence: str, figures: list[tuple[float, str, str]]) -> None:
    found = [(round(q.value, 3), q.unit, q.bound) for q in quantities.find(sentence, "en")]
    assert found == [(float(v), u, b) for v, u, b in figures]


def test_round_thirty_review_names_and_quote_marks() -> None:
    found = nested.find("The ministry denied reports that Said Kouachi had been arrested.")
    assert found is not None and found.claim == "Said Kouachi had been arrested."
    assert speakers.clean_assertion("The claims were “complete nonsense”.") == (
        "The claims were “complete nonsense”."
    )


def test_round_thirty_review_quotes_across_captions_and_subheads() -> None:
    # a closed quote in single marks after two photo captions is still the speaker's
    text = (
        "Sarah Whitfield, 38, from Crawley, said: 'We had been at the gate for two hours when "
        "they told us the plane had a fault.\n\n"
        "'Nobody from the airline came to speak to us. We were given a £5 voucher and told to "
        "wait.\n\n"
        "Stranded: Sarah Whitfield, 38, with her children at Gatwick's North Terminal on Sunday\n\n"
        "Fury: Passengers queue at the customer service desk after the cancellation\n\n"
        "'My youngest was in tears by midnight and there was nowhere to sleep.'\n"
    )
    assert _speakers_by_opening(text)["My youngest was in tears"] == "Sarah Whitfield"
    # a closed quote after a subhead is not the councillor's before it
    text = (
        '"This is an absolute scandal," said councillor Mark Fenwick. "Taxpayers deserve '
        'answers."\n\n'
        "Council response\n\n"
        '"The scheme was always intended as a trial and has given us valuable data."\n'
    )
    assert _speakers_by_opening(text)["The scheme was always in"] is None


# Round thirty-one: speakers the pooled gold and held-out-58 name that the rules missed.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # a name after "the", after the verb at the end
        ("The strike killed 12 people, said the Pentagon.", "the Pentagon"),
        ("It is believed he was known to security services in the UK and the US before leaving "
         "for Syria, says the BBC's Dominic Casciani.", "the BBC's Dominic Casciani"),
        ("Bary had lived in Maida Vale, located in west London, reported the Independent.",
         "the Independent"),
        ("A woman gave birth to a baby, reports the Western Australian Herald this morning.",
         "the Western Australian Herald"),
        ("Amazon has studied opening a brick-and-mortar outlet for years, said another person "
         "familiar with the effort.", "another person familiar with the effort"),
        # a participle's phrase between the speaker and the verb; not a title ("managing")
        ("Pope Francis, talking to a distraught boy whose pet had died, declared there was a "
         "place in heaven for the creatures we share our lives with.", "Pope Francis"),
        ("The council, responding to the petition, said the road would reopen in May.",
         "the council"),
        # the outlet the words went to, and when, before "that"
        ("Canadian national and former Israel Defense Forces (IDF) soldier Gill Rosenberg, 31, "
         "revealed to the Israeli media earlier this month that she had traveled to Iraq.",
         "Canadian national and former Israel Defense Forces (IDF) soldier Gill Rosenberg"),
        ("Pate Butler, another soldier, confirmed on Facebook: 'He flew with the Savannah birds "
         "in a totally different flight.", "Pate Butler, another soldier"),
        ("The mayor confirmed on Twitter that the pool would close.", "the mayor"),
        # an affiliation after the name
        ("It was a piece of an asteroid, Humberto Garcia, of the Astronomy Center at the National "
         "Autonomous University of Nicaragua, told The Associated Press.",
         "Humberto Garcia, of the Astronomy Center at the National Autonomous University of "
         "Nicaragua"),
        # a leading phrase with no comma after it
        ("By the next year Williams was claiming on his blog that 'all four of our low-flying "
         "Chinooks took fire.'", "Williams"),
        ("Three days later USA Today reported that the crew had been stranded.", "USA Today"),
        # zero-width spaces pasted between the words
        ("Manhattan District Attorney Cyrus Vance\u200b \u200bsaid\u200b Monday\u200b he "
         "supported the change.", "Manhattan District Attorney Cyrus Vance"),
    ],
)  # fmt: skip
def test_round_thirtyone_speakers(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    "sentence",
    [
        # a greeting is no speech; a clause is no leading phrase; "managing" opens a title
        "During the telecast anchor Lester Holt said hello to the meteorologist.",
        "On the day that Samsung announced their features were shipping, I rushed to the shop.",
        "Patrick Moore, cited in DailyBuzzLive's article, was actually a notable astronomer.",
    ],
)
def test_round_thirtyone_not_speakers(sentence: str) -> None:
    assert extract.attribute(sentence).who is None


def test_round_thirtyone_titles_stay_with_names() -> None:
    sentence = (
        "In September, Choe Kwan-il, managing editor of pro-North Korea newspaper Chonson Sinbo, "
        "told The Telegraph that North Korea has quietly endorsed Scottish independence."
    )
    assert extract.attribute(sentence).who == (
        "Choe Kwan-il, managing editor of pro-North Korea newspaper Chonson Sinbo"
    )


def test_round_thirtyone_a_pronoun_is_the_subject_named_with_an_apposition_before() -> None:
    # held-out-58, body 110: "he wrote" is the soldier the sentence before names, not the
    # soldier quoted before him
    text = (
        "Pate Butler, another soldier, confirmed on Facebook: 'He flew with the Savannah birds in "
        "a totally different flight.'\n\n"
        "Lance Reynolds, another soldier who had actually been on the Chinook that was hit, also "
        "lashed out at Williams on Facebook.\n\n"
        "'Sorry dude, I don't remember you being on my aircraft,' he wrote.\n"
    )
    assert _speakers_by_opening(text)["Sorry dude, I don't reme"] == "Lance Reynolds"


# Round thirty-one: the reviewer's look-alikes of the round's rules, which stay as they were.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("She knelt at the grave, said the Lord's Prayer and laid a wreath.", None),
        ("The money was never repaid, told another lender.", None),
        ("He said thanks to the donations, the hospital could stay open for another year.", "He"),
        ("A nurse who works at night said she felt unsafe walking to her car.",
         "A nurse who works at night"),
        ("In an interview with CNN Clinton said the deal was dead.", None),
        ("In Hong Kong Carrie Lam said the protests would end.", None),
        ("At the White House Trump said the deal was done.", None),
        ("In his book Obama wrote that the deal was dead.", "Obama"),
        ("Two weeks later the Washington Post reported that the deal was dead.",
         "the Washington Post"),
        ("In a lengthy Facebook post on Wednesday Williams admitted that he was wrong.",
         "Williams"),
        ("Three days later USA Today carried a similar report that stated: 'NBC's Brian Williams "
         "was stranded in the Iraqi desert for three days.", "USA Today"),
    ],
)  # fmt: skip
def test_round_thirtyone_review(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


def test_round_thirtyone_a_club_with_an_apposition_is_no_he() -> None:
    text = (
        "Manchester City, the Premier League champions, signed the Brazilian forward for £50 "
        "million on Friday.\n\n"
        '"We are delighted to have him," he said.\n'
    )
    assert _speakers_by_opening(text)["We are delighted to have"] is None


def test_round_thirtyone_a_quote_in_single_marks_holds_a_quote_of_its_own() -> None:
    # held-out-58, body 110: "'He had the audacity to tell me the whole thing was like 'Saving
    # Private Ryan' and …" stays open into its next sentence, and both are the engineer's,
    # whose quote came before the photo caption ("… pictured in Iraq …: In a lengthy …")
    text = (
        "'He was actually on my aircraft,' Sgt. 1st Class Joseph Miller, the flight engineer, "
        "wrote on Facebook.\n\n"
        "Williams pictured in Iraq in 2003 with Command Sgt. Major Tim Terpack: In a lengthy "
        "Facebook post on Wednesday, Williams admitted his mistake\n\n"
        "'He had the audacity to tell me the whole thing was like 'Saving Private Ryan' and that "
        "the whole army would be out looking for him. I called him an idiot in front of his "
        "camera crew.'\n"
    )
    found = _speakers_by_opening(text)
    assert found["He had the audacity to t"] == "Sgt. 1st Class Joseph Miller, the flight engineer"
    assert found["I called him an idiot in"] == "Sgt. 1st Class Joseph Miller, the flight engineer"


def test_round_thirtyone_comments_are_their_commenters() -> None:
    # held-out-58, body 230: readers' comments under a post, each opening with a header of the
    # commenter's name glued to the time it was posted
    text = (
        "Seeking information on a photo of a boy being shared online.\n\n"
        "Neal KrawetzYesterday 20:05\n\n"
        "I found this picture on Twitter. The server has it timestamped 3 Oct.\n\n"
        "https://pbs.twimg.com/profile_images/1/a.jpeg\n\n"
        "Joe Galvin04:21+1\n\n"
        "2\n\n"
        "The first share on Twitter was much earlier. Emergent says that it is unverified.\n"
    )
    read = extract.read(text)
    found = {s.text[:22]: s.attributed_to for s in [*read.candidates, *read.skipped]}
    assert found["Seeking information on"] is None
    assert found["I found this picture o"] == "Neal Krawetz"
    assert found["The server has it time"] == "Neal Krawetz"
    assert found["https://pbs.twimg.com/"] is None
    assert found["The first share on Twi"] == "Joe Galvin"
    assert found["Emergent says that it "] == "Emergent"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # round thirty-one, from the pooled gold's sentences with a speech verb and no speaker
        ('The Iraqi ministry stated bluntly Tuesday, "There is no wife named Saja al-Dulaimi."',
         "the Iraqi ministry"),
        ('"They managed to pull the spider out of my navel," said Maxwell, whose mates have '
         'nicknamed him "Spiderman."', "Maxwell"),
        ("The company published a blog post that said customers could now access music for free.",
         "the company"),
        ("Breitbart published an article that says, “ISLAMIC TRIBUNAL confirmed IN TEXAS.”",
         "Breitbart"),
        ("Testing has not taken place because of the fighting, but a Kurdish doctor in the town, "
         "who was also injured by the strike, says he is sure it is a chemical weapon.",
         "a Kurdish doctor in the town"),
        ("Kasper, informed we'd not confirmed Hunter's statement, said Hunter stands by it.",
         "Kasper"),
        ("Her fellow sisters weren’t the only ones surprised: the nun claims she had ‘no idea’ "
         "she was pregnant either.", "the nun"),
        ('"I have dealt with other women suffering from obesity before but this birth will stick '
         'with me until I die" he told reporters with a large grin.', "he"),
        # not speech: a noun before the verb's look-alike
        ("Typically an incident report following a homicide would give a detailed account.", None),
        ("News reports last year said that Francis was sneaking out of the Vatican at night.",
         None),
        ("The report, released only after the ACLU sued, suggests a supervisor had not reviewed "
         "it.", None),
    ],
)  # fmt: skip
def test_round_thirtyone_speech_verbs_with_no_speaker_before(
    sentence: str, who: str | None
) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "who", "assertion"),
    [
        # a quote resumed after its tag is one assertion, the speaker's
        ("“I was there,” says Taugan Kadalim, “they didn’t ‘follow’ him.”", "Taugan Kadalim",
         "I was there, they didn’t ‘follow’ him."),
        ("No photos of her have been circulated by Isis,” Mr Winter said, “which means there is "
         "no hard evidence that she has actually been captured.", "Mr Winter",
         "No photos of her have been circulated by Isis, which means there is no hard evidence "
         "that she has actually been captured."),
        ("“It is a scandal,” he said, citing the figures.", "he", "It is a scandal."),
    ],
)  # fmt: skip
def test_round_thirtyone_a_quote_resumed_after_its_tag(
    sentence: str, who: str, assertion: str
) -> None:
    found = extract.attribute(sentence)
    assert (found.who, found.assertion) == (who, assertion)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # a clause in the present, or with a participle adjective, before "and says"
        ("The masked executioner, speaking in English with what sounds like a British accent, "
         "identifies Sotloff and says that “the life of this American citizen depends on your "
         "next decision.”", "the masked executioner"),
        ("The masked executioner spoke in English, with what sounded like a British accent, and "
         "said that the slaying came in response to the airstrikes.", "the masked executioner"),
        ("The mayor visits the site and says the bridge will reopen in May.", "the mayor"),
    ],
)  # fmt: skip
def test_round_thirtyone_a_clause_then_and_says(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # round thirty-one: a picture's caption, as the pooled gold's kept captions were written
        ("This truck, once owned by Mark-1 Plumbing in Texas City, Texas, is seen here in an "
         "Islamist propaganda photo.", "caption"),
        ("A photo provided by the Nicaraguan Army shows an impact crater made by a small meteorite "
         "near Managua's international airport.", "caption"),
        ("A view of Pudong in Shanghai during the solar eclipse on July 22, 2009.", "caption"),
        ("The Parliament buildings and the Gatineau Hills are in the background.", "caption"),
        # a picture the story is about is no caption
        ("A photo of a woman sitting in front of dozens of iPhone 5Cs has gone viral in China.",
         None),
    ],
)  # fmt: skip
def test_round_thirtyone_captions(sentence: str, reason: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False) == reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # round thirty-one: German plans ("soll", "ist geplant"), not what a law says
        ("Mittels Barcode-Scan von Medikamenten sollen auch mögliche Wechselwirkungen aufgezeigt "
         "werden.", "plan"),
        ("Eine spätere Anbindung an die Telematikinfrastruktur ist geplant.", "plan"),
        ("Laut Gesetz soll die ePA den Notfalldatensatz und den Medikationsplan enthalten.", None),
        ("Der Patient bestimmt, wer darauf Zugriff haben soll.", None),
    ],
)  # fmt: skip
def test_round_thirtyone_german_plans(sentence: str, reason: str | None) -> None:
    assert notclaims.reason(sentence, sentence, attributed=False, lang="de") == reason


@pytest.mark.parametrize(
    ("sentence", "who", "assertion"),
    [
        # the second reviewer's look-alikes of the round's rules
        ("The airline said early Monday flights would be delayed by fog.", "the airline",
         "Early Monday flights would be delayed by fog."),
        ('The word "genocide" they said was not appropriate for the conflict.', "they",
         "Was not appropriate for the conflict."),
        ("Officials in each province report that the vaccine supply has run out.",
         "Officials in each province", "The vaccine supply has run out."),
        ("If the agency issued a statement that said the water was safe, it was wrong.", None,
         "If the agency issued a statement that said the water was safe, it was wrong."),
        ('"We are not leaving," said the protesters, "Shame!" shouted the police in reply.', None,
         'We are not leaving," said the protesters, "Shame!" shouted the police in reply.'),
        ("Kasper, informed that the report had not been confirmed, said he would wait for more "
         "details.", "Kasper", "He would wait for more details."),
    ],
)  # fmt: skip
def test_round_thirtyone_second_review(sentence: str, who: str | None, assertion: str) -> None:
    found = extract.attribute(sentence)
    assert (found.who, found.assertion) == (who, assertion)


@pytest.mark.parametrize(
    "header",
    ["By Sarah Jones 08:15", "Kick Off 19:45", "Andrew Sparrow 10:42", "Full Time 90:00+4"],
)
def test_round_thirtyone_a_byline_or_schedule_with_a_time_signs_nothing(header: str) -> None:
    text = (
        f"{header}\n\nPolice have closed the M6 motorway after a crash.\n\n"
        f"{header}\n\nDrivers were stuck for up to four hours.\n"
    )
    read = extract.read(text)
    assert all(c.attributed_to is None for c in read.candidates)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # round thirty-one, held-out-58's last misses read as rules
        ("Iraqi intelligence identified al-Baghdadi's wives as Asma Fawzi Mohammed al-Dulaimi and "
         "Israa Rajab Mahal Al-Qaisi.", "Iraqi intelligence"),
        ("In a 2007 entry from his blog Williams recounts how he was part of a 'flotilla of four "
         "twin-rotor Chinook helicopters'.", "Williams"),
        ("By now Williams is recalling that two helicopters were hit.", "Williams"),
        ("On Thursday the pilot of the army chinook that was attacked by rocket-propelled "
         "grenades told the Omaha World-Herald that he had contacted NBC News.",
         "the pilot of the army chinook"),
        ("The article recounted the pope's words from his general audience on Nov. 26.", None),
    ],
)  # fmt: skip
def test_round_thirtyone_held_out_fiftyeight_last(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # round thirty-one, from the pooled gold's kept sentences with no speaker found
        ("(February 23) the guitarist's reps officially confirmed that Willie Nelson is not dead.",
         "the guitarist's reps"),
        ('DeepDotWeb quoted Comcast as saying, "if we’re asked by a court to provide customer '
         'information, then we ask for a reasonable amount of time."', "Comcast"),
        ("Asked yesterday about spending levels at the company’s casinos, MGM CEO James Murren "
         "bragged about the tab to Nomura analyst Harry Curtis: “$300,000 for dinner at Prime.”",
         "MGM CEO James Murren"),
        ("In some previous cases where customers have documented poor customer service, Comcast "
         "has admitted fault and said its customer service agents acted in error.", "Comcast"),
        ("A kid from Queens has made tens of millions of dollars, New York magazine reports in its "
         "Monday issue.", "New York magazine"),
        ("Yesterday it was reported in The Age that an Australian man had experienced something "
         "rather strange.", "the Age"),
        ("Several fake Banksy accounts have attracted thousands of followers, however the artist "
         "has confirmed on his official website that he is not on Facebook or Twitter.",
         "the artist"),
        ("As Univision news anchor Jorge Ramos warned, this is not the first time Fidel Castro’s "
         "alleged death has taken over the internet.", "Univision news anchor Jorge Ramos"),
        ("As noted on the Apple website, there is a small note that reads, “Size and weight vary "
         "by configuration.”", "the Apple website"),
    ],
)  # fmt: skip
def test_round_thirtyone_more_speech_verbs(sentence: str, who: str) -> None:
    assert extract.attribute(sentence).who == who


def test_round_thirtyone_the_quote_after_a_colon_is_the_claim() -> None:
    found = extract.attribute(
        "Asked yesterday about spending levels at the company’s casinos, MGM CEO James Murren "
        "bragged about the tab to Nomura analyst Harry Curtis: “$300,000 for dinner at Prime.”"
    )
    assert found.assertion == "$300,000 for dinner at Prime."


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Among them was more clarification on the Apple Watch’s battery life, with Cook saying he "
         "removes the device to recharge overnight.", "Cook"),
        ("In a post on her Facebook page, Taylor Lianne Chandler, 41, revealed that she was an "
         "intersex baby.", "Taylor Lianne Chandler"),
        ('The reports claim Rosenberg was taken while fighting in Kobani," ynetnews.com said on '
         "its site.", "ynetnews.com"),
        ("I ladle even clings to the nose - added classmate Nicholas Balandin .",
         "classmate Nicholas Balandin"),
        ("Commander Richard Walton of the London Metropolitan Police's Counter Terrorism Command "
         'released a statement saying, "We have previously asked media outlets not to speculate."',
         "Commander Richard Walton of the London Metropolitan Police's Counter Terrorism Command"),
        ("Gillian Rosenberg has updated her Facebook page to say that, contrary to reports, she "
         "has not been captured.", "Gillian Rosenberg"),
        # a refusal says nothing
        ("Scotland Yard has refused to say that the man was arrested.", None),
    ],
)  # fmt: skip
def test_round_thirtyone_last_speech_verbs(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # round thirty-one: fragments the pooled gold's wrong speakers showed
        ("After Lin’s video exploded on Monday, he says he plucked Thomas from the shelter.",
         "Lin"),
        ("Amazon took some inspiration from a trial by Home Retail Group, allowing customers to "
         "order goods online and pick them up in its stores, said one person familiar with "
         "Amazon’s thinking.", "one person familiar with Amazon’s thinking"),
        ("David Mallie, who manages the group’s two remaining members, confirmed Jackson’s death "
         "to Fox News.", None),
        ("The condition is caused by a waste product in the blood called uric acid, which is "
         "eliminated through urine, according to Britain’s National Health Service.",
         "Britain’s National Health Service"),
        ("Seth Rogen will play Steve Wozniak alongside Christian Bale, who has been cast as Steve "
         "Jobs, reports Variety.", "Variety"),
    ],
)  # fmt: skip
def test_round_thirtyone_no_fragments(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


def test_round_thirtyone_a_caption_label_before_a_participle_lead() -> None:
    sentence = (
        "Speech: Speaking of his passion for trading stocks, Mohammed said his biggest "
        "inspiration has been Paul Tudor Jones."
    )
    assert extract.attribute(sentence).who == "Mohammed"


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # the third reviewer's look-alikes: recalls and recounts, "how many", objects before a
        # colon, "As … observed", places and platforms, scenes "with X saying", "to say that"
        # that nobody says
        ("Election officials recounted the ballots twice after the error was discovered.", None),
        ("Officials recounted, by hand, more than 12,000 ballots in the district.", None),
        ("The widow is recalling that day in 1998 with great sadness.", None),
        ("Toyota is recalling 50,000 cars in the United States over faulty brakes.", None),
        ("Researchers estimated how many birds died in the oil spill.", None),
        ("The museum added three new rooms: “The Gallery,” “The Vault” and “The Garden.”", None),
        ("The index added 120 points on Friday: “a relief rally,” according to analysts at UBS.",
         "analysts at UBS"),
        ("As the committee observed a minute's silence, protesters gathered outside.", None),
        ("As reported in Brussels, the summit ended without a deal.", None),
        ("As noted on Twitter, the video appears to have been edited.", None),
        ("He left the party with Anna saying goodbye at the door.", None),
        ("The film ends with Tom saying he still loves her.", None),
        ("The game ended 2-2, with Jones adding a late equaliser.", None),
        ("It is too early to say that the recovery is secure.", None),
        ("The mayor is expected to announce that the stadium will be rebuilt.", None),
        ("Before airing the audio, Lemon cautioned his audience: “CNN cannot verify this tape.”",
         "Lemon"),
    ],
)  # fmt: skip
def test_round_thirtyone_third_review(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


def test_round_thirtyone_told_the_court_names_the_listener() -> None:
    found = extract.attribute("Her son, 19, told the court that he had seen the gun.")
    assert (found.who, found.assertion) == ("Her son", "He had seen the gun.")


# Round thirty-two: speakers the pooled gold and held-out-59 name that the rules missed.
@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # "X quoted Y as saying" after the quote, and with a relative clause on Y
        ('"The investigation into the man behind the murder is ongoing," the Sunday Times '
         "quoted a police source as saying.", "a police source"),
        ('"No one went to help the man," the tabloid quoted a local man Aamir Dhawan as saying.',
         "a local man Aamir Dhawan"),
        ("The Post quoted friends of Emwazi, who spoke on condition of anonymity, as saying they "
         "thought he had started to become radicalized.", "friends of Emwazi"),
        # the last comma's tag, when the first comma's words run on to it
        ("The prime suspect is Abdel-Majed Abdel Bary, a 23-year-old London rapper, who left his "
         "family’s $1 million home a year ago to fight with the Islamist fanatics and once posted "
         "a Twitter photo of himself holding a severed head, The Sunday Times reported.",
         "the Sunday Times"),
        ("The names of the North Korean leader's father and grandfather, Kim Jong Il and Kim Il "
         "Sung, the communist state's founder, were also reserved for their sole use, the media "
         "reported.", "the media"),
        # a nation's or a state's media
        ("But even as news of Dulaimi's capture broke over Lebanon, local media reported late on "
         "Tuesday that militants had attacked a Lebanese army patrol in Ras Baalbek.",
         "local media"),
        # a relative clause whose place runs past a comma
        ("The sister, who belonged to an order in Macerata, in the eastern Italian region of Le "
         "Marche, claimed to have no idea she was pregnant.", "the sister"),
        # a middle initial and an abbreviation inside an "according to" name
        ("Blacks and Hispanics represented 86 percent of those arrested, according to a study "
         "written in part by Harry G. Levine, a sociology professor at Queens College.",
         "Harry G. Levine"),
        ("The base was hit twice, according to the U.S. Army.", "the U.S. Army"),
        # "is revealing" before a clause
        ("In a post on her Facebook, Chandler is revealing she was actually born a boy.",
         "Chandler"),
        # an outlet's article, a bulletin, "spoke of/about", "was keen to point out"
        ("On 14 October 2014, the National Report published an article claiming that the town "
         "of Purdon, Texas, had been quarantined.", "the National Report"),
        ("The Washington Post published a lengthy article naming the masked man known as Jihadi "
         "John.", "the Washington Post"),
        ("The FBI and Homeland Security Department issued a bulletin to local law enforcement "
         "Friday saying there are no specific or credible threats.",
         "the FBI and Homeland Security Department"),
        ("Last week, the United Nations spoke of as many as 700, mostly elderly, civilians being "
         "trapped in the centre of the town.", "the United Nations"),
        ("Matt Stambaugh, the Calgary Eyeopener's columnist, spoke about how the robots learn.",
         "Matt Stambaugh, the Calgary Eyeopener's columnist"),
        ("Last night a Palace spokesman was keen to point out the fungus is not served to Royals.",
         "a Palace spokesman"),
        ("This afternoon Ottawa Police posted on Twitter: \"Shots fired at War Memorial.\"",
         "Ottawa Police"),
        # a participle's "believed to be" on the subject, "multiple …", "details that",
        # "spoke about being", a subject after a dash that ends a clause
        ("Jihadists believed to be loyal to ISIS had claimed on Sunday that Rosenberg had been "
         "abducted near Kobani.", "Jihadists believed to be loyal to ISIS"),
        ("Jessica Chastain is also being sought for a role in the film, multiple individuals "
         "familiar with the project told TheWrap.",
         "multiple individuals familiar with the project"),
        ("The report details that the editor-in-chief already asked her staffers to clean her "
         "office.", "the report"),
        ("If the story is actually true — Islam told New York that his net worth is in the "
         "“high eight figures,” but it’s not clear where the figure came from.", "Islam"),
        # a relative clause on the apposition after an inverted tag
        ("The meteorite left a crater near Managua's international airport and an air force "
         "base, said Humberto Saballos, a volcanologist with the Nicaraguan institute of "
         "territorial studies who took part in the investigation.",
         "Humberto Saballos, a volcanologist with the Nicaraguan institute of territorial "
         "studies"),
        # "shot down" is a clause's verb, not part of a speaker
        ("While DHS and several other congressional sources shot down the claim outright, a "
         "spokesman for Hunter said that the congressman fears ISIS sympathizers could melt "
         "into U.S. cities.", "a spokesman for Hunter"),
        # look-alikes that stay as they were (the review's worse cases among them)
        ("The report details how many people were hurt.", None),
        # the second review's worse cases
        ("The panel spoke about being more inclusive in hiring.", None),
        ("New details that surfaced on Friday raise questions about the timeline.", None),
        ("The actor was quick to point out the irony.", None),
        ("The club was quick to point out that no player was involved.", "the club"),
        ("Militants believed to be linked to al-Shabab have claimed two more victims.", None),
        ("Boko Haram has claimed the lives of 40 villagers.", None),
        ("The rebels claimed the town on Monday.", None),
        ("The town claimed its record was clean.", "the town"),
        ("The story claimed the town of Purdon was quarantined.", "the story"),
        ("ISIS claimed responsibility for the attack.", "ISIS"),
        ("Prices fell — Smith said nothing.", None),
        ("The report — which was leaked on Monday — said prices fell.", "the report"),
        ("In the event the authorities say nothing, the protest will go ahead.", None),
        ("After the storm the insurers denied most claims.", None),
        ("The receding water is revealing the town was built on a swamp.", None),
        ("The scandal is revealing that the party was corrupt.", None),
        ("The author spoke about 3 hours at the festival.", None),
        ("He spoke about how to cook rice.", None),
        ("The club was quick to add a new striker to its squad.", None),
        ("The mayor was keen to stress test the flood defences.", None),
        ("The club was quick to say that no player was involved.", "the club"),
        ("He published an article that nobody read.", None),
        ('He published an article titled "My Summer" in the school magazine.', None),
        ("Police issued a bulletin for a missing teenager.", None),
        ("Overnight Oats founder Jane Doe said sales had tripled.",
         "Overnight Oats founder Jane Doe"),
        ("Late night TV host Jimmy Kimmel said the joke was old.",
         "Late night TV host Jimmy Kimmel"),
        ("Yesterday the Pentagon said the strike had killed 12.", "the Pentagon"),
        ("The attack was planned in Syria, according to U.S. officials.", "U.S. officials"),
        ("About 2 million people have fled, according to the U.N. refugee agency.",
         "the U.N. refugee agency"),
        ("He spoke about his childhood in Ohio.", None),
        ("She was keen to play tennis.", None),
        ("The actress is revealing photos of her wedding.", None),
        ("The actress is revealing her secrets in a new book.", None),
        ("Pictures posted to social media show the flooded street.", None),
        ("After the meeting the committee chair went home.", None),
    ],
)  # fmt: skip
def test_round_thirtytwo_speakers(sentence: str, who: str | None) -> None:
    assert extract.attribute(sentence).who == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a short title and a surname: the office holder named before, not a namesake
        ("Katy Perry said she was thrilled to perform at the ball.\n"
         "Gov. Perry said Texas would send 1,000 National Guard troops to the border.\n",
         "Gov. Perry"),
        ("Gov. Andrew Cuomo said the state had 10,000 cases.\n"
         "Chris Cuomo, his brother and a CNN anchor, said he had tested positive.\n"
         "Gov. Cuomo said the peak was still weeks away.\n", "Gov. Andrew Cuomo"),
        ("House Speaker Paul Ryan said the bill would pass the House by Friday.\n"
         "Sen. Paul said he would vote against it because it adds $1 trillion to the deficit.\n",
         "Sen. Paul"),
    ],
)  # fmt: skip
def test_round_thirtytwo_an_office_and_a_surname(text: str, who: str) -> None:
    assert [c.attributed_to for c in extract.claims(text)][-1] == who


def test_round_thirtytwo_a_short_label_two_long_ones_could_be_is_neither() -> None:
    """The second review: "Kelly:" beside "Megyn Kelly:" and "Kelly Ayotte:" is not merged
    into either (it had made one speaker of the three and no transcript at all)."""
    text = (
        "Megyn Kelly interviewed Sen. Kelly Ayotte on Tuesday night about the budget.\n"
        "Megyn Kelly: Senator, will the government shut down?\n"
        "Kelly Ayotte: I don't think so. We have the votes to keep it open.\n"
        "Kelly: Are you sure about that?\n"
        "Kelly Ayotte: The Senate passed a bill this afternoon that funds the government.\n"
        "Kelly: The House has not voted on it yet.\n"
    )
    found = {c.text[:12]: c.attributed_to for c in extract.claims(text)}
    assert found["We have the "] == "Kelly Ayotte"


def test_round_thirtytwo_a_transcript_label_short_and_long_is_one_speaker() -> None:
    """Held-out-41's Fox News transcript: "Greta:" is the "Greta Van Susteren:" of the first
    turn, so two people take turns and "Rep. Hunter:" is the congressman named above."""
    text = (
        "Rep. Duncan Hunter told Greta Van Susteren tonight that ten ISIS fighters have crossed "
        "the border.\n"
        "Greta Van Susteren: You say they are coming in the southern border.\n"
        "Do you have any evidence that they are actually coming in now?\n"
        "Rep. Hunter: Yes.\n"
        "Greta: Tell me what you know?\n"
        "Rep. Hunter: I know that at least ten ISIS fighters have been caught coming across the "
        "southern border in Texas.\n"
    )
    found = {c.text[:12]: c.attributed_to for c in extract.claims(text)}
    assert found["I know that "] == "Rep. Duncan Hunter"
    assert found["Ten ISIS fig"] == "Rep. Duncan Hunter"  # "told X tonight that": not the claim
