"""The trained stance model: the shipped file, the judgements it gives on plain values, and the
training script run end to end on a small data folder."""

import csv
import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from verify import stance, stance_data, stance_features, stance_model, stance_reasons, train
from verify.errors import InputError
from verify.quantities import find

CARS = "Police said about 60 cars were set alight by protesters overnight"
TROOPS = (
    "North Korea is deploying four brigades totaling 12,000 troops, including special forces, "
    "to Russia."
)


def judge(claim: str, passage: str, page: str | None = None) -> stance.Judgement:
    return stance.judge_many([stance.Pair(claim, find(claim), passage, page)])[0]


def test_a_paraphrase_in_other_words_and_order_supports() -> None:
    result = judge(CARS, "60 cars had been burned by protesters overnight, police said")
    assert result.label == "supports"
    assert not result.by_rule and result.explanation.startswith("model: ")


def test_the_claims_own_speaker_restating_it_supports() -> None:
    claim = "President Yoon Suk Yeol called the deployment a grave security threat to the world."
    passage = claim.replace(".", " and said Seoul would consider all options.")
    result = judge(claim, passage)
    assert result.label == "supports" and result.by_rule
    assert result.explanation == "restates it, in its own speaker's words"
    hedged = judge(TROOPS, TROOPS.replace("is deploying", "is reportedly deploying"))
    assert not (hedged.by_rule and hedged.label == "supports")


def test_an_unrelated_negation_elsewhere_still_supports() -> None:
    result = judge(
        CARS, "Protesters set about 60 cars alight overnight, police said, but no one was hurt."
    )
    assert result.label == "supports", result


def test_a_negation_of_the_claim_itself_does_not_support() -> None:
    result = judge(CARS, "Police said protesters did not set any cars alight overnight.")
    assert result.label != "supports", result


def _certain_model(label: str) -> stance_model.StanceModel:
    """The shipped model, made sure that every pair is related and has stance `label`."""
    model = stance_model.shipped()
    width = len(stance_features.NAMES)
    bias = np.array([50.0 if c == label else -50.0 for c in model.classes])
    return dataclasses.replace(
        model,
        relatedness=stance_model.Network((np.zeros((width, 1)),), (np.array([50.0]),)),
        stance=stance_model.Network((np.zeros((width, len(model.classes))),), (bias,)),
    )


def test_a_figure_conflict_beats_any_model_score() -> None:
    other = TROOPS.replace("12,000", "3,000")  # the same sentence but for the figure
    pair = stance.Pair(TROOPS, find(TROOPS), other)
    result = stance.judge_many([pair], _certain_model("supports"))[0]
    assert result.label == "contradicts" and result.by_rule
    assert result.explanation == "figure 3,000 troops conflicts with 12,000 troops"
    assert result.comparison == result.explanation
    assert result.confidence == pytest.approx(1.0)  # as sure as the model is that it is related
    assert judge(TROOPS, other).label == "contradicts"  # and with the shipped model


def test_a_figure_counting_another_thing_is_left_to_the_model() -> None:
    claim = "Seven girls fell pregnant on a five-day school trip to Sarajevo."
    passage = "28 girls, aged 13 and 14, went on the school trip to the capital."
    result = stance.judge_many(
        [stance.Pair(claim, find(claim), passage)], _certain_model("mentions")
    )[0]
    assert result.label == "mentions" and not result.by_rule
    same = "Seven girls fell pregnant on the trip, not 28 girls fell pregnant, the school said."
    assert stance.counting_alike(stance.Pair(claim, find(claim), same), find(same))


def test_a_question_in_a_page_is_judged_with_the_page() -> None:
    page = "Did 60 cars burn? Yes: protesters set about 60 cars alight overnight, police said."
    pair = stance.Pair(CARS, find(CARS), "Did 60 cars burn?", page)
    result = stance.judge_many([pair], _certain_model("supports"))[0]
    assert result.label == "supports" and not result.by_rule
    alone = stance.judge_many([dataclasses.replace(pair, page=None)], _certain_model("supports"))
    assert alone[0].label == "mentions" and alone[0].by_rule


def test_the_models_reasons_are_in_the_texts_own_words() -> None:
    claim = "Police said 60 cars were set alight by protesters in Lyon overnight"
    result = judge(claim, "60 cars had been burned by protesters in Lyon overnight, police said")
    assert not result.by_rule and result.explanation.startswith("model: ")
    assert "'lyon'" in result.explanation or "60 cars" in result.explanation, result
    assert "_" not in result.explanation  # no feature names
    unrelated = judge(claim, "Wheat prices rose sharply in May.")
    assert unrelated.label == "unrelated"
    assert "shares none of the claim's words" in unrelated.explanation, unrelated


def test_reasons_name_the_shared_figure_and_words_and_what_is_absent() -> None:
    passage = "Pyongyang is deploying 12,000 troops to Russia, Korea's spy agency said."
    lexicon = stance_features.Lexicon({"korea": 3.0, "deploying": 5.0, "russia": 2.0}, 9.0)
    pushes = [("cos_passage", 0.8, True), ("bm25", 0.7, True),
              ("passage_neg_main", 0.0, False), ("passage_attributed", 1.0, True)]  # fmt: skip
    text = stance_reasons.explain(stance.Pair(TROOPS, find(TROOPS), passage), pushes, lexicon)
    assert text == (
        "shares the figure 12,000 troops and the rare words 'deploying', 'korea', 'russia'; "
        "no negation where the passage restates the claim; "
        "reported speech (Korea's spy agency says so)"
    )


def test_reasons_that_say_nothing_about_the_pair_are_not_named() -> None:
    passage = "Pyongyang is deploying 12,000 troops to Russia, Korea's spy agency said."
    page = f"Troops head west\n{passage} The deployment began in October."
    lexicon = stance_features.Lexicon({"korea": 3.0, "deploying": 5.0, "russia": 2.0}, 9.0)
    filler = [("claim_hedge", 0.0, False), ("page_words", 4.0, True), ("claim_report", 1.0, True),
              ("passage_hedge", 0.0, False), ("has_page", 1.0, True), ("claim_words", 2.0, False),
              ("claim_figures", 1.0, True), ("passage_words", 2.0, True)]  # fmt: skip
    telling = [("passage_report", 1.0, True), ("cos_passage", 0.8, True),
               ("passage_neg_main", 0.0, False)]  # fmt: skip
    pair = stance.Pair(TROOPS, find(TROOPS), passage, page)
    text = stance_reasons.explain(pair, filler + telling, lexicon)
    assert text == (
        "reported speech in the passage ('said'); "
        "shares the figure 12,000 troops and the rare words 'deploying', 'korea', 'russia'; "
        "no negation where the passage restates the claim"
    )
    assert stance_reasons.explain(pair, filler, lexicon) == "no strong cue"


def test_reasons_show_numbers_and_negations_as_the_texts_write_them() -> None:
    claim = "Robert Plant ripped up an $800 million contract in 2014"
    passage = (
        "Plant didn't rip up the $800 million contract, his publicist said; the 2015 tour is off."
    )
    page = f"No reunion\n{passage} Nothing was signed."
    pushes = [("shared_numbers", 1.0, True), ("new_numbers", 1.0, True), ("page_neg", 1.0, True)]
    lexicon = stance_features.Lexicon({"plant": 5.0, "contract": 3.0}, 9.0)
    text = stance_reasons.explain(stance.Pair(claim, find(claim), passage, page), pushes, lexicon)
    assert text == (  # not the matching form's "08, 8e" for $800 million, nor "'t'"
        "shares the number $800 million; gives numbers the claim lacks (2015); "
        "negation in the page ('no', 'nothing', 'n't')"
    )


def test_a_reported_denial_mentions_with_who() -> None:
    claim = "North Korean soldiers are in Russia, footage shows."
    result = judge(
        claim, "The Kremlin called the footage of North Korean soldiers in Russia fake news."
    )
    assert result.label == "mentions" and result.by_rule
    assert "denial by the Kremlin" in result.explanation


def test_a_denial_is_reported_only_when_a_named_speaker_denies() -> None:
    denies = "Obama administration DENIES congressman's claim that ISIS fighters crossed"
    assert stance.denier(denies) == "Obama administration"
    assert stance.denier("Met police denies reports of Banksy arrest") == "Met police"
    # the one named claims it; the hoax is the outlet's word, or no one's named
    assert stance.denier("Banksy arrest hoax: US website claims street artist caught") is None
    assert stance.denier("Priest claim of seeing God as a woman dismissed as hoax") is None
    assert stance.denier("The report was false.") is None
    claimed = "A congressman claimed that 10 fighters were caught, though an official denied it."
    assert stance.denier(claimed) == "an official"
    assert stance.denier("A website claims his bail was denied by the court") is None
    # the woman denies, not the passive agent of the relative clause about her
    woman = (
        "The Canadian woman who was reportedly kidnapped by ISIS has said she is fine, and that "
        "rumors of her capture are untrue."
    )
    assert stance.denier(woman) == "the Canadian woman"
    claim = "Street artist Banksy was arrested in Watford."
    outlets = judge(claim, "Banksy arrest hoax: US website claims street artist caught")
    assert not (outlets.by_rule and "denial" in outlets.explanation)


def _rule(claim: str, passage: str) -> str | None:
    pair = stance.Pair(claim, find(claim), passage, None)
    fired = stance.rule(pair, stance_features.features([pair], stance_model.shipped().lexicon)[0])
    return None if fired is None else fired[0]


def test_off_topic_needs_one_of_the_claims_figures_and_counts_words_by_stem() -> None:
    museum = "The museum said 60 cars were on display at the classic car show on Sunday."
    assert _rule(CARS, museum) == "off topic"
    # a number in a name is no figure
    hair = "The iPhone 6 pulls out facial hair when being used"
    assert _rule(hair, "iPhone 6 hairgate: Users encounter latest Apple problem") is None
    # "Watches" and "Watch" are one word
    watches = "Apple will sell 15 million Apple Watches in 2015"
    assert _rule(watches, "Apple Watch Smartwatch to Ship 15 Million Units in 2015") is None


def test_a_figure_asked_about_is_no_conflict() -> None:
    stated = "North Korea sent brigades totaling 3,000 troops, including special forces."
    assert _rule(TROOPS, stated) == "figures"
    asked = "Did North Korea send brigades totaling 3,000 troops, including special forces?"
    assert _rule(TROOPS, asked) == "question"


def test_may_or_may_not_is_no_negation_of_the_claim() -> None:
    claim = "Apple will hold a special media event in February"
    assert _rule(claim, "Apple will not hold a special media event in February") == "negation"
    assert _rule(claim, "Apple may or may not hold a special media event in February") is None


def _cues(passage: str) -> dict[str, float]:
    row = stance_features.features([stance_features.Pair(CARS, find(CARS), passage, None)],
                                   stance_features.Lexicon({}, 5.0))[0]  # fmt: skip
    return {n: float(row[stance_features.NAMES.index(f"passage_{n}")])
            for n in ("report", "hedge", "doubt")}  # fmt: skip


@pytest.mark.parametrize(
    "headline",
    [
        "NYT: protesters set 60 cars alight in Lyon",
        "Protesters set 60 cars alight in Lyon: source",
        "Protesters set 60 cars alight in Lyon -- police",
        "Protesters set 60 cars alight in Lyon, officials say",
    ],
)
def test_a_headline_that_names_its_source_is_reported_speech(headline: str) -> None:
    assert _cues(headline)["report"] == 1.0
    assert _cues("Protesters set 60 cars alight in Lyon")["report"] == 0.0


def test_headline_hedges_and_debunks_are_cues() -> None:
    assert _cues("Protesters likely set 60 cars alight, analyst predicts")["hedge"] == 1.0
    assert _cues("Those 60 burned cars in Lyon? The story isn't real")["doubt"] == 1.0
    assert _cues("No, protesters did not set 60 cars alight")["doubt"] == 1.0
    assert _cues("Police call the 60 burned cars story rubbish")["doubt"] == 1.0
    assert _cues("Protesters set 60 cars alight overnight")["doubt"] == 0.0


def test_a_page_about_another_event_that_shares_the_numbers_is_unrelated() -> None:
    page = (
        "Classic car show draws crowds\n"
        "The museum said 60 cars were on display at the classic car show on Sunday. "
        "Visitors came from across the region overnight. Tickets sold out by noon."
    )
    passage = "The museum said 60 cars were on display at the classic car show on Sunday."
    assert judge(CARS, passage, page).label == "unrelated"
    assert judge(CARS, passage).label == "unrelated"


def test_a_question_only_mentions() -> None:
    result = judge(CARS, "Did 60 cars burn?")
    assert result.label == "mentions"
    assert result.by_rule and "question" in result.explanation


def test_a_whole_page_that_restates_the_claim_in_its_own_voice_supports() -> None:
    page = (
        "Sixty cars burned in night of unrest\n"
        "Protesters set about 60 cars alight overnight. Firefighters worked until dawn. "
        "The protests began after a disputed court ruling."
    )
    nearest = stance_data.nearest_sentences([(CARS, page)], stance_model.shipped().lexicon)[0]
    assert "Protesters set about 60 cars alight overnight." in nearest
    result = judge(CARS, nearest, page)
    assert (
        result.label == "supports"
        and result.comparison == "figure about 60 cars matches about 60 cars"
    )


def test_a_page_read_for_one_claim_is_not_read_again_for_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = (
        "Sixty cars burned in night of unrest\n"
        "Protesters set about 60 cars alight overnight. Firefighters worked until dawn."
    )
    passage = "Protesters set about 60 cars alight overnight."
    cold = judge(CARS, passage, page)
    reads: list[str] = []
    real = stance_features._read_page

    def counted(raw: str, lexicon: stance_features.Lexicon) -> object:
        reads.append(raw)
        return real(raw, lexicon)

    monkeypatch.setattr(stance_features, "_read_page", counted)
    assert judge("60 cars burned overnight", passage, page).label  # another claim, same page
    assert judge(CARS, passage, page) == cold  # and the same judgement from the kept reading
    assert reads == []
    monkeypatch.setattr(stance_features, "PAGES_KEPT", 2)
    for n in range(3):
        judge(CARS, passage, f"{page} Page {n} of the series.")
    judge(CARS, passage, page)  # pushed out by the three newer pages: read again
    assert len(reads) == 4


def test_judgements_are_calibrated_probabilities_with_one_line_reasons() -> None:
    pairs = [stance.Pair(CARS, find(CARS), p) for p in [
        "60 cars had been burned by protesters overnight, police said",
        "Wheat prices rose sharply in May.",
        "Did 60 cars burn?",
    ]]  # fmt: skip
    batch = stance.judge_many(pairs)
    assert [r.label for r in batch] == [stance.judge_many([p])[0].label for p in pairs]
    for result in batch:
        assert 0.0 <= result.confidence <= 1.0
        assert result.explanation and "\n" not in result.explanation
    assert stance.judge_many([]) == []


def test_the_shipped_file_agrees_with_the_code_and_says_where_it_came_from() -> None:
    path = stance_model.shipped_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["features"] == list(stance_features.NAMES)
    assert path.stat().st_size <= 20_000_000
    trained = data["trained"]
    assert set(trained["data"]) == {"fnc1/train_stances.csv", "fnc1/train_bodies.csv",
                                    "emergent/emergent_dev_articles.csv"}  # fmt: skip
    assert all(len(digest) == 64 for digest in trained["data"].values())
    assert {"numpy", "scikit-learn"} <= set(trained["libraries"])
    assert {"figures", "off topic", "question"} <= set(data["rules"])
    assert all(0 < r["precision"] <= 1 for r in data["rules"].values())
    numbers = data["cross_validation"]["model_and_rules"]
    assert 0 < numbers["fnc1"]["fnc_score"] <= 1 and 0 < numbers["emergent"]["accuracy"] <= 1


def test_a_model_file_for_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(stance_model.shipped_path().read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="other features than this code computes"):
        stance_model.read(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="malformed"):
        stance_model.read(path)
    with pytest.raises(InputError, match="cannot read the stance model"):
        stance_model.read(tmp_path / "missing.json")


def _small_data(root: Path) -> None:
    """A few FNC-1 and Emergent rows, in the sets' own formats."""
    topics = [
        ("Police say 60 cars burned in overnight riots", "cars riots police burned overnight"),
        ("Apple to release a golden smartwatch next year", "apple golden smartwatch release"),
        ("Giant squid washed ashore on a beach in Spain", "giant squid beach spain ashore"),
        ("Mayor resigns after bribery scandal in Lyon", "mayor resigns bribery scandal lyon"),
    ]
    (root / "fnc1").mkdir(parents=True)
    (root / "emergent").mkdir()
    bodies, stances, articles = [], [], []
    labels = ["agree", "disagree", "discuss"]
    for t, (headline, words) in enumerate(topics):
        for k, label in enumerate(labels):
            body_id = str(10 * t + k)
            lead = {
                "agree": f"It is confirmed: {words}.",
                "disagree": f"It is a hoax, {words} never happened.",
                "discuss": f"Reports say {words}, unconfirmed.",
            }[label]
            bodies.append({"Body ID": body_id, "articleBody": f"{lead} More text follows here."})
            stances.append({"Headline": headline, "Body ID": body_id, "Stance": label})
            other = str(10 * ((t + 1) % len(topics)) + k)
            stances.append({"Headline": headline, "Body ID": other, "Stance": "unrelated"})
            stance_name = {"agree": "for", "disagree": "against", "discuss": "observing"}[label]
            articles.append({"claimHeadline": headline, "articleHeadline": lead,
                             "articleHeadlineStance": stance_name, "claimId": f"c{t}"})  # fmt: skip
    for name, rows in (("fnc1/train_bodies.csv", bodies), ("fnc1/train_stances.csv", stances),
                       ("emergent/emergent_dev_articles.csv", articles)):  # fmt: skip
        with (root / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def test_training_writes_a_model_the_code_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _small_data(tmp_path / "data")
    out = tmp_path / "model.json"
    train.main([str(tmp_path / "data"), "--out", str(out), "--folds", "2"])
    model = stance_model.read(out)
    assert model.features == stance_features.NAMES
    assert model.meta["trained"]["seed"] == train.SEED
    assert set(model.classes) == {"supports", "contradicts", "mentions"}
    assert model.meta["cross_validation"]["folds"] == 2
    again = tmp_path / "again.json"
    train.main([str(tmp_path / "data"), "--out", str(again), "--folds", "2"])
    assert again.read_bytes() == out.read_bytes()  # fixed seed: the same file twice
    assert "wrote" in capsys.readouterr().out


def test_headlines_of_one_story_teach_relatedness_only_within_their_claims_fold(
    tmp_path: Path,
) -> None:
    _small_data(tmp_path / "data")
    found = stance_data.examples(tmp_path / "data", stance_data.fit_lexicon(tmp_path / "data"))
    pairs = [e for e in found if e.made == "headlines" and e.label == "related"]
    assert len(pairs) == 4 * 3  # the three headlines of each Emergent claim, two by two
    group = {e.passage: e.group for e in found if e.dataset == "emergent" and e.scored}
    assert all(e.page is None and group[e.claim] == group[e.passage] == e.group for e in pairs)
    strangers = [
        e
        for e in found
        if e.made == "headlines" and e.label == "unrelated" and e.dataset == "emergent"
    ]
    assert len(strangers) == 4 * 3 * stance_data.STRANGERS  # each headline against others'
    told = {e.group: {x.passage for x in found if x.group == e.group and x.scored} for e in pairs}
    assert all(e.passage not in told[e.group] for e in strangers)
    rows = train._stance_rows(found)
    assert not any(rows[k] for k, e in enumerate(found) if e.made == "headlines")
    assert not any(e.scored for e in pairs + strangers)


def test_relatedness_is_calibrated_apart_for_passages_alone_and_with_their_page() -> None:
    platt = stance_model.Platt(alone=(1.0, 1.0), page=(1.0, -1.0))
    got = platt.probability(np.zeros(2), np.array([False, True]))
    assert got[0] == pytest.approx(1 / (1 + np.exp(-1))) and got[1] == pytest.approx(1 - got[0])
    assert stance_model.Platt.from_json(platt.as_json()) == platt
    shipped = stance_model.shipped().platt
    assert shipped.alone != shipped.page


def test_training_on_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        train.main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "m.json")])
    message = str(exc.value.code)
    assert message.startswith("Error: cannot read ") and "\n" not in message
    assert not (tmp_path / "m.json").exists()


def test_network_slopes_are_the_weights_of_a_logistic_regression() -> None:
    weights = np.array([[1.0, -2.0], [0.5, 3.0]])
    net = stance_model.Network((weights,), (np.zeros(2),))
    assert np.allclose(net.slopes(np.array([0.3, -0.7])), weights)
