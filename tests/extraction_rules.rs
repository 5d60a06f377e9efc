//! One small case per extraction rule added on 2026-11-23, checked through
//! the public API (text in, event mentions out). The sentences are written
//! for these tests in the style of the news the rules are for; the dev set
//! (`tests/dev`) measures the rules on whole articles.

mod common;

use common::extract::{events, extractor, has, roles};
use kg::model::{ArticleMeta, EventMention, Modality};

#[test]
fn a_word_inside_a_name_is_not_a_trigger() {
    // وزارة = و + زار + ة ("and visited him") inside a ministry's name.
    let t = "ونفى مسؤول في وزارة الدفاع الأمريكية أن تكون واشنطن تعتزم تعزيز قواتها في المنطقة.";
    assert!(roles(t, "meet").is_empty(), "{:?}", roles(t, "meet"));
}

#[test]
fn incursions_and_expulsions_are_lexicon_entries() {
    assert!(has(
        "توغلت قوات تركية، فجر اليوم الاثنين، داخل الأراضي العراقية في قضاء العمادية.",
        "invade",
        "turkey",
        "amadiya"
    ));
    let t = "طالب مقتدى الصدر الحكومة بطرد القوات الأمريكية من العراق.";
    assert!(
        has(t, "withdraw", "united-states", "iraq"),
        "{:?}",
        roles(t, "withdraw")
    );
    // (an envoy is not forces)
    assert!(roles("قررت الحكومة طرد السفير التركي من بغداد.", "withdraw").is_empty());
}

#[test]
fn agents_of_attacks() {
    // ل-agent and a direction adverb as place
    assert!(has(
        "مقتل أربعة جنود عراقيين بهجوم لداعش شمال ديالى",
        "attack",
        "isis",
        "diyala"
    ));
    // members of a named force after a light verb with a resumptive pronoun
    let t = "قتل جنديان إثر هجوم شنه عناصر من تنظيم \"داعش\" على نقطة عسكرية في قضاء المقدادية.";
    assert!(
        has(t, "attack", "isis", "muqdadiyah"),
        "{:?}",
        roles(t, "attack")
    );
    // aircraft as forces, and a light verb نفذ
    assert!(has(
        "وقال مسؤول محلي إن الطائرات التركية قصفت قرى حدودية في قضاء العمادية.",
        "attack",
        "turkey",
        "amadiya"
    ));
    assert!(has(
        "نفذت طائرات التحالف الدولي غارتين على مخابئ للتنظيم في سلسلة جبال حمرين.",
        "attack",
        "coalition",
        "hamrin-mountains"
    ));
}

#[test]
fn the_subject_of_an_undergoer_verb_is_no_agent() {
    let t = "تعرضت قاعدة تستضيف قوات أمريكية قرب حقل كونيكو في ريف دير الزور لهجوم بعدة صواريخ.";
    let attacks = roles(t, "attack");
    assert!(
        attacks.iter().any(|(a, p)| a.is_empty() && p == "conoco"),
        "{attacks:?}"
    );
    assert!(
        !attacks.iter().any(|(a, _)| a == "united-states"),
        "{attacks:?}"
    );
}

#[test]
fn part_of_the_soldiers_just_named() {
    let t = "ويوجد نحو 5 آلاف عسكري أمريكي في العراق يقدمون الاستشارة للقوات العراقية، وينتشر بعضهم في قاعدة القيارة.";
    assert!(
        has(t, "deploy", "united-states", "qayyarah-air-base"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_name_introduced_by_a_naming_phrase() {
    let t = "قتل ثلاثة جنود في هجوم بطائرة مسيّرة استهدف، أمس الأحد، موقعاً عسكرياً يُعرف باسم \"البرج 22\" في شمال شرق الأردن.";
    assert!(
        roles(t, "attack").iter().any(|(_, p)| p == "tower-22"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn strengthening_capabilities_is_no_deployment() {
    let t = "وتهدف المهمة إلى تعزيز قدرات قوات الأمن العراقية.";
    assert!(roles(t, "deploy").is_empty(), "{:?}", roles(t, "deploy"));
    // while reinforcements sent somewhere are
    assert!(has(
        "البنتاغون يرسل تعزيزات إلى سوريا",
        "deploy",
        "pentagon",
        "syria"
    ));
}

#[test]
fn negated_future_is_a_negated_plan() {
    let t = "أكد قائد القيادة المركزية الأمريكية الجنرال مايكل كوريلا أن القوات الأمريكية لن تغادر قاعدة التنف.";
    let m = events(t)
        .into_iter()
        .find(|m| m.action == "withdraw")
        .expect("a withdrawal");
    assert_eq!(m.modality, Modality::Planned);
    assert_eq!(m.attributed_to.as_deref(), Some("michael-kurilla"));
}

#[test]
fn a_surname_names_the_person_named_in_full_before() {
    let t = "عنوان\n\nوقال المتحدث باسم البنتاغون بات رايدر إن الجنود سيبقون.\nوأضاف رايدر أن الولايات المتحدة ستحتفظ بنحو 2500 عسكري في العراق، وفق ما تنص عليه الخطة.\n";
    let m = events(t)
        .into_iter()
        .find(|m| m.action == "remain" && m.place.as_deref() == Some("iraq"))
        .expect("a remain event in Iraq");
    assert_eq!(m.attributed_to.as_deref(), Some("pat-ryder"));
}

#[test]
fn a_headline_takes_the_modality_of_the_body() {
    let t = "واشنطن تخفض عدد قواتها في العراق\n\nقال مسؤولون إن الولايات المتحدة ستخفض عدد قواتها في العراق بحلول نهاية العام.\n";
    let ms: Vec<EventMention> = events(t)
        .into_iter()
        .filter(|m| m.action == "withdraw")
        .collect();
    let head = ms
        .iter()
        .find(|m| m.provenance.sentence == 0)
        .expect("a headline withdrawal");
    assert_eq!(head.modality, Modality::Planned, "{ms:?}");
}

#[test]
fn claims_reinforcements_and_forces_kept() {
    assert!(has(
        "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة.",
        "attack",
        "islamic-resistance-in-iraq",
        "harir"
    ));
    assert!(has(
        "قررت الولايات المتحدة الإبقاء على قواتها في سوريا.",
        "remain",
        "united-states",
        "syria"
    ));
    assert!(has(
        "دفعت القوات التركية بتعزيزات إلى قاعدة بعشيقة.",
        "deploy",
        "turkey",
        "zelikan-base"
    ));
}

#[test]
fn a_base_description_prefers_a_base_of_its_head_noun_then_the_first_named() {
    // المعسكر is the camp, not the airport named after it in the sentence.
    let t = "غادر مستشارو التحالف معسكر فيكتوريا الملاصق لمطار بغداد الدولي، وتسلمت القوات العراقية المعسكر بالكامل.";
    let handed: Vec<String> = roles(t, "handover").into_iter().map(|r| r.1).collect();
    assert_eq!(handed, ["camp-victory"]);
    // Two bases named once each: the first named is the article's topic.
    let t = "سلمت قوات التحالف قاعدة تل بيدر إلى قوات سوريا الديمقراطية، بعد أن نقلت معداتها إلى قاعدة الشدادي.\nوقال مصدر إن القوات الأمريكية أخلت القاعدة بالكامل.";
    assert!(
        has(t, "withdraw", "united-states", "tal-baydar"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_date_parenthetical_does_not_cut_a_possessed_anaphor_from_its_owner() {
    let t = "أكدت وزارة الدفاع الأمريكية، الثلاثاء، أن قواتها ستبقى في شمال شرق سوريا.";
    assert!(
        has(t, "remain", "pentagon", "northeast-syria"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn the_territory_of_a_government_is_its_state() {
    let t = "طالبت الحكومة السورية بانسحاب القوات الأمريكية من أراضيها.";
    assert!(
        has(t, "withdraw", "united-states", "syria"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn places_joined_by_in_addition_to_or_after_a_locator() {
    let t =
        "وأضاف أن القوات الأمريكية تواصل عملها من قاعدتي الشدادي وحقل العمر، إلى جانب حامية التنف.";
    assert!(
        has(t, "remain", "united-states", "al-tanf"),
        "{:?}",
        roles(t, "remain")
    );
    let t = "ويتمركز الجنود الأمريكيون في قاعدة عين الأسد غربي العراق وفي أربيل.";
    assert!(
        has(t, "deploy", "united-states", "erbil"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn transport_aircraft_do_not_move_forces() {
    let t = "وغادرت قوات التحالف القاعدة على متن طائرات نقل عسكرية متجهة إلى أربيل.";
    assert!(
        roles(t, "reposition").is_empty(),
        "{:?}",
        roles(t, "reposition")
    );
}

#[test]
fn a_named_place_past_an_unnamed_subject_is_the_object() {
    let t =
        "استهدف صاروخان من نوع كاتيوشا، فجر اليوم الخميس، قاعدة فيكتوريا العسكرية قرب مطار بغداد.";
    assert!(
        has(t, "attack", "", "camp-victory"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_still_phrase_takes_the_troops_before_it_as_subject() {
    let t = "وقال رايدر إن نحو 900 عسكري أمريكي ما زالوا منتشرين في سوريا.";
    assert!(
        has(t, "remain", "united-states", "syria"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn qad_before_a_verb_that_reads_as_past_is_not_a_possibility() {
    let t = "وكان رئيس الوزراء عادل عبد المهدي قد أعلن أن القوات الأجنبية ستغادر البلاد.";
    let m = events(t);
    let announce = m.iter().find(|m| m.action == "announce").expect("announce");
    assert_eq!(announce.modality, Modality::Asserted);
}

#[test]
fn a_coordinated_verb_shares_the_subject_of_an_earlier_verb_that_is_no_event() {
    let t = "اتهمت وزارة الخارجية السورية واشنطن بنهب النفط السوري، وطالبت بخروج القوات الأمريكية من الأراضي السورية.";
    assert!(
        has(t, "demand", "syrian-foreign-ministry", ""),
        "{:?}",
        roles(t, "demand")
    );
    let t = "وتشن تركيا منذ عام 2022 عملية عسكرية ضد مواقع الحزب في إقليم كردستان، وتحتفظ بعشرات النقاط العسكرية داخل الأراضي العراقية.";
    assert!(
        has(t, "remain", "turkey", "iraq"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn an_undergoer_verb_and_its_noun_are_one_attack_where_the_subject_is() {
    let t = "تعرضت قاعدة عين الأسد، صباح اليوم، لهجوم صاروخي.";
    assert_eq!(
        roles(t, "attack"),
        [("".to_string(), "ain-al-asad".to_string())]
    );
    let t = "وتأتي الخطوة بعد تعرض أربيل لهجمات متكررة من فصائل مرتبطة بإيران.";
    assert_eq!(roles(t, "attack"), [("".to_string(), "erbil".to_string())]);
}

#[test]
fn a_force_noun_does_not_reach_past_another_force_noun_or_a_verb() {
    // The forces after the instruments are the target, not the attackers.
    let t = "هاجمت فصائل مسلحة بالصواريخ والمسيرات القوات الأمريكية في قاعدة عين الأسد.";
    assert!(
        !has(t, "attack", "united-states", "ain-al-asad"),
        "{:?}",
        roles(t, "attack")
    );
    let t = "وتعرضت القاعدة لهجمات متكررة بطائرات مسيرة تقول واشنطن إن فصائل عراقية تقف وراءها.";
    assert!(
        roles(t, "attack").iter().all(|(_, p)| p != "washington"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn guarantees_is_not_a_doubled_verb_of_hosting() {
    // يضمن/تضمن "guarantee(s)" is not يضم + ن "they include (forces)".
    let t = "وقال إن الاتفاق سيضمن بقاء القوات الأمريكية لفترة محددة.";
    assert!(roles(t, "deploy").is_empty(), "{:?}", roles(t, "deploy"));
}

#[test]
fn a_noun_labelling_a_base_does_not_end_the_search_for_places() {
    let t = "أعلنت المقاومة الإسلامية في العراق أنها استهدفت بالطائرات المسيرة قاعدة الاحتلال الأمريكي في حقل كونيكو للغاز.";
    assert!(
        has(t, "attack", "islamic-resistance-in-iraq", "conoco"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_claim_in_a_headline_takes_the_subject_before_the_speech_verb() {
    let t = "المقاومة الإسلامية في العراق تعلن استهداف قاعدتين أمريكيتين في سوريا\n\nنص الخبر.";
    assert!(
        has(t, "attack", "islamic-resistance-in-iraq", "syria"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn an_anonymous_source_is_a_speaker_of_its_own() {
    let t = "وقال مصدر أمني إن القوات الأمريكية انسحبت من قاعدة عين الأسد.";
    let m = events(t);
    let w = m.iter().find(|m| m.action == "withdraw").expect("withdraw");
    assert_eq!(w.attributed_to.as_deref(), Some("msdr-amny"));
    // The sources of a named outlet are the outlet's, and a relay is the outlet's.
    let t = "وبحسب مصادر الصحيفة، فإن القوات الأمريكية انسحبت من قاعدة عين الأسد.";
    let m = events(t);
    let w = m.iter().find(|m| m.action == "withdraw").expect("withdraw");
    assert_ne!(w.attributed_to.as_deref(), Some("msadr"));
}

#[test]
fn there_is_a_place_anaphor_unless_existential() {
    let t = "تنشر القوات الأمريكية نحو ألفي جندي في سوريا.\nوقال المتحدث إن الخطوة ستخفض عدد الجنود هناك إلى أقل من ألف.";
    assert!(
        has(t, "withdraw", "united-states", "syria"),
        "{:?}",
        roles(t, "withdraw")
    );
    let t = "تنشر الولايات المتحدة نحو ألفي جندي في سوريا.\nونفى أن يكون هناك أي قرار بسحب القوات.";
    assert!(
        roles(t, "withdraw").iter().all(|(_, p)| p.is_empty()),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn forces_that_stay_are_a_states_not_a_parliaments() {
    let t = "البرلمان الألماني يمدد مهمة الجيش في العراق حتى نهاية العام";
    assert!(
        has(t, "remain", "germany", "iraq"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn a_description_prefers_the_entity_its_head_noun_names() {
    // الإقليم is Kurdistan (إقليم كردستان), not Gaza, named since.
    let t = "قال مسؤولون في إقليم كردستان إن الهجوم وقع بعد اندلاع الحرب في غزة. \
             ومن المقرر أن تبقى القوات الأمريكية في الإقليم حتى أيلول 2026.";
    assert!(
        has(t, "remain", "united-states", "kurdistan-region"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn a_vague_time_between_commas_is_skipped() {
    let t = "أخلت القوات الأمريكية، خلال الأيام الماضية، قاعدة التنف.";
    assert!(
        has(t, "withdraw", "united-states", "al-tanf"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_condition_after_the_trigger_makes_it_hypothetical() {
    let modality = |t: &str| {
        events(t)
            .into_iter()
            .find(|m| m.action == "remain")
            .map(|m| m.modality)
    };
    let conditional =
        "قال المسؤول إن القوات الروسية تبقى في قاعدة حميميم إذا توصل الطرفان إلى اتفاق.";
    assert_eq!(modality(conditional), Some(Modality::Hypothetical));
    let after_comma = "قال المسؤول إن القوات الروسية تبقى في قاعدة حميميم، في حال وافقت دمشق.";
    assert_eq!(modality(after_comma), Some(Modality::Hypothetical));
    // A condition in the next sentence does not reach back.
    let separate =
        "قال المسؤول إن القوات الروسية تبقى في قاعدة حميميم. وإذا وافقت دمشق فسيتم توقيع اتفاق.";
    assert_eq!(modality(separate), Some(Modality::Asserted));
}

#[test]
fn a_group_named_by_a_naming_phrase_claims_the_attack() {
    let t = "وتبنت جماعة تطلق على نفسها اسم \"سرايا الفجر\" الهجوم على قاعدة حرير.";
    let m = events(t)
        .into_iter()
        .find(|m| m.action == "attack")
        .expect("an attack");
    assert_eq!(m.actor.as_deref(), Some("sraya-alfjr"), "{m:?}");
    assert_eq!(m.place.as_deref(), Some("harir"));
    // The claimant is also the source of the claim.
    assert_eq!(m.attributed_to.as_deref(), Some("sraya-alfjr"));
}

#[test]
fn publishing_a_video_is_no_deployment() {
    let t = "ونشر فصيل مسلح مقطعاً مصوراً قال إنه يظهر لحظة إطلاق الصواريخ على قاعدة عين الأسد.";
    assert!(
        events(t).iter().all(|m| m.action != "deploy"),
        "{:?}",
        events(t)
    );
    assert!(has(
        "ونشرت الولايات المتحدة 500 جندي في قاعدة عين الأسد.",
        "deploy",
        "united-states",
        "ain-al-asad"
    ));
}

#[test]
fn a_relative_clause_of_hosting_describes_the_place_it_follows() {
    let t = "استهدف هجوم صاروخي معسكر التاجي القريب من مطار بغداد، الذي يضم مدربين من حلف الناتو.";
    assert!(
        has(t, "deploy", "nato", "camp-taji"),
        "{:?}",
        roles(t, "deploy")
    );
    let t = "سقطت قذيفة قرب مستشارين في قاعدة حرير، التي تستضيف قوات أمريكية.";
    assert!(
        has(t, "deploy", "united-states", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn scare_quotes_after_a_trigger_do_not_end_its_clause() {
    let t = "وقالت الفصائل إنها ستواصل قصف \"قواعد الاحتلال\" في سوريا.";
    assert!(
        roles(t, "attack").iter().any(|(_, p)| p == "syria"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_light_verb_and_its_noun_are_one_event_across_a_time_parenthetical() {
    let t = "شنت مقاتلات أمريكية، فجر اليوم السبت، سلسلة غارات على مواقع في قضاء القائم.";
    let attacks: Vec<_> = events(t)
        .into_iter()
        .filter(|m| m.action == "attack")
        .collect();
    assert_eq!(attacks.len(), 1, "{attacks:?}");
    assert_eq!(attacks[0].actor.as_deref(), Some("united-states"));
    assert_eq!(attacks[0].place.as_deref(), Some("al-qaim"));
}

#[test]
fn an_ambiguous_place_name_coordinated_with_a_place_is_a_place() {
    let t = "قصفت المقاتلات التركية مواقع في قنديل وسنجار.";
    assert!(
        has(t, "attack", "turkey", "qandil"),
        "{:?}",
        roles(t, "attack")
    );
    assert!(
        has(t, "attack", "turkey", "sinjar"),
        "{:?}",
        roles(t, "attack")
    );
    // Alone, the common word (lamp) is not the place.
    assert!(events("وأضاءت العائلة قنديل البيت.").is_empty());
}

#[test]
fn a_conjunct_followed_by_its_own_verb_starts_a_new_clause() {
    let t = "إيطاليا تبقي جنودها في أربيل وألمانيا تمدد مهمتها حتى 2026.";
    assert!(
        has(t, "remain", "italy", "erbil"),
        "{:?}",
        roles(t, "remain")
    );
    assert!(
        !roles(t, "remain").iter().any(|(_, p)| p == "germany"),
        "{:?}",
        roles(t, "remain")
    );
    assert!(has(t, "remain", "germany", ""), "{:?}", roles(t, "remain"));
    // A coordinated subject keeps both (no verb before the group).
    let t = "إن الولايات المتحدة والعراق سيبدآن قريباً مفاوضات.";
    assert!(
        has(t, "negotiate", "iraq", ""),
        "{:?}",
        roles(t, "negotiate")
    );
    // A word with tanwin is no verb (رداً is "in response").
    let t = "وقصفت القوات الأمريكية مواقع في العراق وسوريا رداً على الهجمات.";
    assert!(
        has(t, "attack", "united-states", "syria"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn gunmen_of_a_named_group_and_an_agent_after_by() {
    let t = "قتل ضابط في هجوم شنه مسلحون من تنظيم داعش على نقطة للجيش في قضاء الدبس.";
    assert!(
        has(t, "attack", "isis", "aldbs"),
        "{:?}",
        roles(t, "attack")
    );
    let t = "وتعرضت دورية للجيش في قضاء طوزخورماتو لهجوم بالأسلحة الخفيفة من قبل عناصر تنظيم داعش.";
    assert!(
        roles(t, "attack").iter().any(|(a, _)| a == "isis"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_base_named_after_its_town_is_a_base_of_its_own() {
    let t = "شن الطيران الإسرائيلي غارات على مطار حماة العسكري.";
    assert!(
        has(t, "attack", "israel", "hmah-aleskry"),
        "{:?}",
        roles(t, "attack")
    );
    // A gazetteer name with the head noun stays the gazetteer's.
    assert!(has(
        "وصلت القوات الأمريكية إلى مطار أربيل الدولي.",
        "deploy",
        "united-states",
        "erbil-air-base"
    ));
}

#[test]
fn a_subject_after_a_place_phrase_and_a_detached_lam_agent() {
    let t = "وتنتشر في قاعدة حرير القريبة قوات أمريكية وفرنسية.";
    assert!(
        has(t, "deploy", "united-states", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
    assert!(
        has(t, "deploy", "france", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
    let t = "مقتل ثلاثة جنود بهجوم لـ\"داعش\" في كركوك.";
    assert!(
        has(t, "attack", "isis", "kirkuk"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn both_bases_are_the_two_bases_named_last() {
    let t = "قصفت فصائل مسلحة قاعدة عين الأسد ومعسكر التاجي. وقال مسؤول إن الهجوم على القاعدتين لم يسفر عن إصابات.";
    let places: Vec<String> = events(t)
        .into_iter()
        .filter(|m| m.action == "attack" && m.provenance.sentence == 1)
        .filter_map(|m| m.place)
        .collect();
    assert!(places.contains(&"ain-al-asad".to_string()), "{places:?}");
    assert!(places.contains(&"camp-taji".to_string()), "{places:?}");
}

#[test]
fn who_claims_or_denies_responsibility_is_the_actor() {
    let t = "أعلنت كتائب حزب الله مسؤوليتها عن قصف قاعدة حرير.";
    assert!(
        has(t, "attack", "kataib-hezbollah", "harir"),
        "{:?}",
        roles(t, "attack")
    );
    let m = events("نفت كتائب حزب الله مسؤوليتها عن قصف قاعدة حرير.")
        .into_iter()
        .find(|m| m.action == "attack")
        .expect("an attack");
    assert_eq!(m.actor.as_deref(), Some("kataib-hezbollah"));
    assert_eq!(m.polarity, kg::model::Polarity::Negative);
}

#[test]
fn in_which_after_a_time_noun_is_no_place() {
    let t =
        "قصفت الطائرات الأمريكية مواقع في جرف الصخر، في وقت تتواصل فيه المحادثات بين بغداد وواشنطن.";
    assert!(
        roles(t, "negotiate").iter().all(|(_, p)| p.is_empty()),
        "{:?}",
        roles(t, "negotiate")
    );
    assert!(
        has(t, "attack", "united-states", "jurf-al-sakhar"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn the_brigades_refers_to_the_group_named_before() {
    let t = "ونفت كتائب حزب الله أي علاقة بالهجوم. وقال متحدث إن الكتائب لم تستهدف قاعدة حرير.";
    let m = events(t)
        .into_iter()
        .find(|m| m.action == "attack" && m.provenance.sentence == 1)
        .expect("an attack");
    assert_eq!(m.actor.as_deref(), Some("kataib-hezbollah"), "{m:?}");
    assert_eq!(m.polarity, kg::model::Polarity::Negative);
}

#[test]
fn a_dual_head_noun_joins_its_second_name_past_a_locator() {
    // (حرير and الميادين are ambiguous words, names only in context)
    let t = "ويتمركز معظم الجنود الأمريكيين في قاعدتي عين الأسد بالأنبار وحرير في أربيل.";
    assert!(
        has(t, "deploy", "united-states", "ain-al-asad"),
        "{:?}",
        roles(t, "deploy")
    );
    assert!(
        has(t, "deploy", "united-states", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
    let t = "وطالت الغارات الأمريكية مواقع في مدينتي البوكمال والميادين شرقي سوريا.";
    assert!(
        has(t, "attack", "united-states", "al-mayadin"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_partitive_after_the_place_of_forces_adds_its_places() {
    let t = "ويتمركز نحو 900 جندي أمريكي في سوريا، معظمهم في محافظتي دير الزور والحسكة، إضافة إلى قاعدة التنف.";
    for place in [
        "syria",
        "deir-ez-zor-governorate",
        "hasakah-governorate",
        "al-tanf",
    ] {
        assert!(
            has(t, "deploy", "united-states", place),
            "{place}: {:?}",
            roles(t, "deploy")
        );
    }
    // (a partitive with a number of its own is an elliptic count, not this)
    let t = "وينتشر نحو 2500 جندي أمريكي في العراق، بعيداً عن الحدود.";
    assert_eq!(roles(t, "deploy").len(), 1, "{:?}", roles(t, "deploy"));
}

#[test]
fn the_parties_of_a_relation_noun_are_its_subject() {
    let t = "وأكد أن العلاقة بين بغداد والتحالف ستنتقل لاحقاً إلى شراكة أمنية ثنائية.";
    assert!(
        has(t, "transition", "iraq", ""),
        "{:?}",
        roles(t, "transition")
    );
    assert!(
        has(t, "transition", "coalition", ""),
        "{:?}",
        roles(t, "transition")
    );
    // بين after a definite noun is no speech verb: no one is its speaker.
    let e = events(t);
    assert!(e.iter().all(|m| m.attributed_to.is_none()), "{e:?}");
    // (the speech verb بيّن still reports)
    let t = "وبين الوزير العراقي أن القوات الأمريكية ستنسحب من العراق.";
    assert!(
        has(t, "withdraw", "united-states", "iraq"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_denial_ends_at_a_coordinated_speech_verb() {
    let t = "ونفت السفارة أن تكون القوات الأمريكية قد انسحبت من العراق، وقالت إن الشراكة الأمنية بين الولايات المتحدة والعراق ستنتقل إلى صيغة ثنائية.";
    let e = events(t);
    let w = e.iter().find(|m| m.action == "withdraw").expect("withdraw");
    assert_eq!(w.polarity, kg::model::Polarity::Negative);
    let tr: Vec<_> = e.iter().filter(|m| m.action == "transition").collect();
    assert!(!tr.is_empty(), "{e:?}");
    assert!(
        tr.iter()
            .all(|m| m.polarity == kg::model::Polarity::Positive),
        "{tr:?}"
    );
}

#[test]
fn a_place_pronoun_takes_the_latest_place_of_its_sentence() {
    // (the description before it counts: القاعدة → the base named before)
    let t = "وتسلم الجيش العراقي قاعدة التقدم في الأنبار. وقال قائد عراقي إن القاعدة أصبحت عراقية، ولن يبقى فيها أي جندي أجنبي.";
    assert!(
        has(t, "remain", "", "al-taqaddum"),
        "{:?}",
        roles(t, "remain")
    );
    // (the place a locator places: قاعدة حرير في أربيل … هناك → the base)
    let t = "زار وزير الدفاع الأمريكي قاعدة حرير في محافظة أربيل، والتقى الجنود الأمريكيين المتمركزين هناك.";
    assert!(
        has(t, "deploy", "united-states", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
    // (in a relative clause on an unnamed head, the pronoun is that head:
    // the place named after it counts)
    let t = "وطالبت بغداد بسحب القوات التركية من القواعد التي تنتشر فيها في إقليم كردستان.";
    let r = roles(t, "deploy");
    assert!(r.iter().any(|(_, p)| p == "kurdistan-region"), "{r:?}");
}

#[test]
fn a_bare_place_after_a_title_and_its_adjective_is_no_part_of_it() {
    let t = "زار وزير الدفاع الأمريكي قاعدة حرير في محافظة أربيل.";
    assert!(
        has(t, "meet", "united-states", "harir"),
        "{:?}",
        roles(t, "meet")
    );
}

#[test]
fn names_after_a_plural_base_noun_are_bases() {
    // (الشدادي alone is the town; after قواعد it is the base)
    let t = "وستتمركز القوات الأمريكية في قواعد خراب الجير والشدادي وحقل العمر.";
    assert!(
        has(t, "deploy", "united-states", "shaddadi-base"),
        "{:?}",
        roles(t, "deploy")
    );
    assert!(
        !has(t, "deploy", "united-states", "shaddadi"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_coordinated_verb_of_asking_after_a_comma_keeps_its_subject() {
    let t =
        "وأدانت رئاسة إقليم كردستان الهجوم، وطالبت الحكومة الاتحادية بكشف الجهات التي تقف وراءه.";
    let d: Vec<_> = events(t)
        .into_iter()
        .filter(|m| m.action == "demand")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].actor.as_deref(),
        Some("kurdistan-region-presidency"),
        "{d:?}"
    );
    assert_eq!(d[0].target.as_deref(), Some("iraqi-government"), "{d:?}");
}

#[test]
fn a_complementizer_with_its_pronoun_is_no_verb() {
    // أنها is not أنهى ("ended"), even near a mission word.
    let e = events("وأعلنت النرويج أنها ستسحب مدربيها من مهمة التحالف في العراق.");
    assert!(e.iter().all(|m| m.trigger != "أنها"), "{e:?}");
}

#[test]
fn an_indefinite_predicate_opening_a_quote_takes_the_subject_before_it() {
    let t = "وقال المتحدث إن القوات الأمريكية \"باقية في سوريا لضمان هزيمة داعش\".";
    assert!(
        has(t, "remain", "united-states", "syria"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn a_count_of_members_of_a_named_mission_is_that_mission() {
    let t = "وينتشر نحو 600 من أفراد بعثة الناتو في بغداد وأربيل.";
    assert!(
        has(t, "deploy", "nato-mission-iraq", "baghdad"),
        "{:?}",
        roles(t, "deploy")
    );
    assert!(
        has(t, "deploy", "nato-mission-iraq", "erbil"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_participle_after_a_comma_is_the_speaker_s_and_takes_an_object() {
    let t = "وقال رئيس حكومة إقليم كردستان مسرور بارزاني إن الهجوم إرهابي، داعياً بغداد إلى اتخاذ إجراءات فورية.";
    let d: Vec<_> = events(t)
        .into_iter()
        .filter(|m| m.action == "demand")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].actor.as_deref(), Some("masrour-barzani"), "{d:?}");
    assert_eq!(d[0].target.as_deref(), Some("iraq"), "{d:?}");
}

#[test]
fn a_particle_with_a_pronoun_or_a_topic_carries_the_subject() {
    let t = "وأكدت حكومة إقليم كردستان أنها لا تعارض بقاء نقاط المراقبة التركية، لكنها دعت أنقرة إلى تجنيب القرى أي عمليات عسكرية.";
    let d: Vec<_> = events(t)
        .into_iter()
        .filter(|m| m.action == "demand")
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].actor.as_deref(),
        Some("kurdistan-regional-government"),
        "{d:?}"
    );
    assert_eq!(d[0].target.as_deref(), Some("turkey"), "{d:?}");
    let t = "أما كتائب حزب الله، فقد طالبت بانسحاب القوات الأمريكية من العراق.";
    assert!(
        has(t, "demand", "kataib-hezbollah", ""),
        "{:?}",
        roles(t, "demand")
    );
}

#[test]
fn a_bare_form_after_a_fronted_subject_is_a_verb() {
    // (a name governs no genitive: رفض is "refused", not "refusal of")
    let t = "غير أن الرئيس التركي رجب طيب أردوغان رفض الانسحاب من بعشيقة.";
    assert!(
        has(t, "oppose", "recep-tayyip-erdogan", ""),
        "{:?}",
        roles(t, "oppose")
    );
}

#[test]
fn renewing_a_stance_passes_the_subject_to_it() {
    let t = "جدد وزير الدفاع التركي يشار غولر رفضه سحب القوات التركية من العراق.";
    assert!(
        has(t, "oppose", "yasar-guler", ""),
        "{:?}",
        roles(t, "oppose")
    );
    let t = "جددت الحكومة العراقية مطالبتها لتركيا بسحب قواتها.";
    assert!(
        has(t, "demand", "iraqi-government", ""),
        "{:?}",
        roles(t, "demand")
    );
}

#[test]
fn a_hosting_dual_subject_gives_both_bases() {
    // (قاعدتا: the dual in construct, nominative)
    let t = "وتستضيف قاعدتا عين الأسد في الأنبار وحرير في أربيل الجزء الأكبر من القوات الأمريكية.";
    assert!(
        has(t, "deploy", "united-states", "ain-al-asad"),
        "{:?}",
        roles(t, "deploy")
    );
    assert!(
        has(t, "deploy", "united-states", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
    assert!(
        !has(t, "deploy", "united-states", "anbar"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_quoted_adverbial_does_not_end_the_clause() {
    let t = "وطالبت دمشق بخروج القوات الأمريكية \"فوراً ومن دون شروط\" من الأراضي السورية.";
    assert!(
        has(t, "withdraw", "united-states", "syria"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn the_country_is_the_state_of_the_article_s_institutions_when_none_is_named() {
    let t = "بغداد – السومرية نيوز: جمع نواب في مجلس النواب العراقي تواقيع للاستفسار عن التزام واشنطن بجدول انسحاب قوات التحالف الدولي من البلاد.";
    assert!(
        has(t, "withdraw", "coalition", "iraq"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn an_mp_for_a_bloc_is_a_titled_person() {
    let t = "وقال النائب عن تحالف الفتح مهدي الكرعاوي إن المقترح يهدف إلى إخراج القوات الأمريكية، داعياً الكتل الأخرى إلى دعمه.";
    let e = events(t);
    let w = e.iter().find(|m| m.action == "withdraw").expect("withdraw");
    assert!(
        w.attributed_to
            .as_deref()
            .is_some_and(|a| a != "fatah-alliance"),
        "{e:?}"
    );
    let d = e.iter().find(|m| m.action == "demand").expect("demand");
    assert_eq!(d.actor, w.attributed_to, "{e:?}");
}

#[test]
fn the_adverb_there_in_a_relative_clause_is_the_place_named_before() {
    // (unlike a resumptive pronoun, هناك is not the relative clause's head)
    let t = "وزار وزير الدفاع الأمريكي قاعدة حرير في أربيل، والتقى الجنود الأمريكيين الذين يتمركزون هناك.";
    assert!(
        has(t, "deploy", "united-states", "harir"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_noun_of_territory_governs_its_place() {
    let t = "وقال زعيم الحركة إنها لن تقبل ببقاء أي جندي تركي على أرض العراق.";
    assert!(
        has(t, "remain", "turkey", "iraq"),
        "{:?}",
        roles(t, "remain")
    );
    let t = "وطالبت الفصائل بانسحاب القوات الأمريكية من كامل الأراضي السورية.";
    assert!(
        has(t, "withdraw", "united-states", "syria"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn the_capital_is_the_city_of_the_state_named() {
    // العاصمة السورية: the adjective names the state.
    let t = "وقالت وزارة الدفاع التركية إن وحدات من قواتها انتشرت في العاصمة السورية أمس.";
    assert!(
        has(t, "deploy", "turkey", "damascus"),
        "{:?}",
        roles(t, "deploy")
    );
    // A bare العاصمة: the capital of the state the article names; a name
    // joined by و after it is a second place.
    let t = "أعلنت الحكومة العراقية أن مهمة التحالف في العاصمة ومحافظة الأنبار انتهت.";
    let r = roles(t, "end-mission");
    assert!(r.contains(&("coalition".into(), "baghdad".into())), "{r:?}");
    assert!(r.contains(&("coalition".into(), "anbar".into())), "{r:?}");
}

#[test]
fn a_vow_to_act_is_a_plan_of_the_one_who_vows() {
    for t in [
        "وتبنت جماعة تطلق على نفسها اسم \"سرايا أولياء الدم\" الهجوم، متوعدة باستهداف القواعد الأمريكية في سوريا.",
        "وتبنت جماعة تطلق على نفسها اسم \"سرايا أولياء الدم\" الهجوم، وتوعدت بمواصلة ضرب القواعد الأمريكية في سوريا.",
    ] {
        let e = events(t);
        assert!(
            e.iter().any(|m| m.action == "attack"
                && m.place.as_deref() == Some("syria")
                && m.actor.is_some()
                && m.modality == Modality::Planned),
            "{t}: {e:?}"
        );
    }
}

#[test]
fn the_place_after_part_of_the_soldiers_is_where_they_leave() {
    let t =
        "وقال مسؤولون أمريكيون إن البنتاغون يدرس خيارات لسحب جزء من الجنود من سوريا إلى العراق.";
    let r = roles(t, "withdraw");
    assert!(r.iter().all(|(a, _)| a != "syria"), "{r:?}");
    assert!(r.iter().any(|(_, p)| p == "syria"), "{r:?}");
}

#[test]
fn a_demand_after_a_summons_or_as_a_participle_is_the_ministry_s() {
    for t in [
        "واستدعت وزارة الخارجية العراقية السفير الإيراني في بغداد، وطالبت طهران بوقف القصف على أراضي إقليم كردستان.",
        "ودانت وزارة الخارجية العراقية القصف الإيراني على أراضي إقليم كردستان، مطالبة طهران بوقف القصف.",
    ] {
        let e = events(t);
        let d = e.iter().find(|m| m.action == "demand").expect("demand");
        assert_eq!(
            d.actor.as_deref(),
            Some("iraqi-ministry-of-foreign-affairs"),
            "{t}: {e:?}"
        );
        assert_eq!(d.target.as_deref(), Some("iran"), "{t}: {e:?}");
    }
}

#[test]
fn a_visit_during_statements_and_a_meeting_during_it_are_the_speaker_s() {
    let t = "وجاءت تصريحات أوستن خلال زيارة أجراها إلى قاعدة عين الأسد يوم الأحد الماضي، التقى خلالها قادة \"الجيش العراقي\".";
    let r = roles(t, "meet");
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(
        r.iter()
            .all(|(a, p)| a == "lloyd-austin" && p == "ain-al-asad"),
        "{r:?}"
    );
}

#[test]
fn a_subject_after_its_title_words_and_troops_spread_over_bases() {
    let t = "دان الناطق باسم القائد العام للقوات المسلحة يحيى رسول القصف.";
    assert!(
        has(t, "oppose", "yahya-rasool", ""),
        "{:?}",
        roles(t, "oppose")
    );
    let t = "وتنشر الولايات المتحدة نحو 900 جندي في سوريا، يتوزع معظمهم على قواعد في محافظتي الحسكة ودير الزور.";
    assert!(
        has(t, "deploy", "united-states", "deir-ez-zor-governorate"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_visit_of_his_is_the_earlier_subject_s() {
    let t = "التقى الرئيس التركي رجب طيب أردوغان، اليوم الخميس، الرئيس الأمريكي جو بايدن في البيت الأبيض، في أول زيارة رسمية له إلى واشنطن.";
    assert!(
        has(t, "meet", "recep-tayyip-erdogan", "washington"),
        "{:?}",
        roles(t, "meet")
    );
}

#[test]
fn a_count_of_bases_names_none_and_a_dual_head_keeps_its_preposition() {
    let t =
        "وتنشر تركيا أكثر من ثلاثة آلاف جندي في نحو 40 قاعدة ونقطة عسكرية داخل محافظتي دهوك وأربيل.";
    let r = roles(t, "deploy");
    assert!(
        r.contains(&("turkey".into(), "duhok-governorate".into())),
        "{r:?}"
    );
    let e = extractor().extract(&kg::model::Article {
        meta: ArticleMeta {
            id: "t".into(),
            file: "t.txt".into(),
            ..Default::default()
        },
        text: t.to_string(),
    });
    assert!(
        e.entities
            .iter()
            .all(|x| x.kind != kg::model::EntityKind::MilitaryBase),
        "{:?}",
        e.entities
    );
}

#[test]
fn a_base_after_ala_is_a_place() {
    let t = "وقلصت روسيا وجودها العسكري في سوريا، لكنها تبقي على قاعدة حميميم في ريف اللاذقية.";
    assert!(
        has(t, "remain", "russia", "hmeimim"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn a_killing_takes_the_place_of_its_own_attack() {
    let t = "وقالت القيادة إن الضربات جاءت رداً على الهجوم الذي استهدف قاعدة التنف في سوريا الأحد الماضي، وأسفر عن مقتل ثلاثة جنود أمريكيين.";
    let r = roles(t, "kill");
    assert!(r.iter().any(|(_, p)| p == "al-tanf"), "{r:?}");
}

#[test]
fn a_phase_verb_before_another_action_s_noun_is_no_remain() {
    let t = "وأكد التحالف في بيان أنه سيواصل دعم القوات الأمنية العراقية، وأن مهمته في بغداد ستنتهي في أيلول المقبل.";
    assert!(roles(t, "remain").is_empty(), "{:?}", roles(t, "remain"));
    // (واصل with the work right after it is still a remain)
    let t = "وقال المتحدث إن قوات التحالف ستواصل العمل من أربيل حتى أيلول 2026.";
    assert!(!roles(t, "remain").is_empty(), "{:?}", events(t));
}

#[test]
fn a_date_after_a_speech_verb_is_not_its_subject() {
    let t = "وكان التحالف الدولي قد أعلن الشهر الماضي أنه سيواصل دعم القوات الأمنية العراقية.";
    let e = events(t);
    let tr = e.iter().find(|m| m.action == "train").expect("train");
    assert_eq!(tr.attributed_to.as_deref(), Some("coalition"), "{e:?}");
    assert_eq!(tr.actor.as_deref(), Some("coalition"), "{e:?}");
}

#[test]
fn finishing_a_move_passes_the_subject_on() {
    let t = "وتسلمت القوة الجوية العراقية قاعدة التقدم، بعدما أنهت قوات التحالف الدولي نقل آخر معداتها منها إلى قاعدة حرير.";
    assert!(
        has(t, "reposition", "coalition", "harir"),
        "{:?}",
        roles(t, "reposition")
    );
}

#[test]
fn preparing_to_act_is_a_plan_of_the_subject() {
    let t = "التحالف الدولي يسلّم قاعدة الحبانية للجيش العراقي ويستعد لإخلاء قاعدة حرير.";
    let e = events(t);
    assert!(
        e.iter().any(|m| m.action == "withdraw"
            && m.actor.as_deref() == Some("coalition")
            && m.place.as_deref() == Some("harir")
            && m.modality == Modality::Planned),
        "{e:?}"
    );
}

#[test]
fn a_subject_may_carry_where_it_is_before_its_verb() {
    let t =
        "وأكد المتحدث أن آخر الجنود الأمريكيين في مطار بغداد الدولي سيغادرونه نهاية الشهر الجاري.";
    assert!(
        has(
            t,
            "withdraw",
            "united-states",
            "baghdad-international-airport"
        ),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn masculine_dual_head_nouns_govern_their_names() {
    // قضاءي (two districts) before the first name, in a conjunct.
    let t = "قصفت الطائرات التركية مواقع في جبال قنديل وقضاءي سنجار والعمادية.";
    for place in ["qandil", "sinjar", "amadiya"] {
        assert!(
            has(t, "attack", "turkey", place),
            "{place}: {:?}",
            roles(t, "attack")
        );
    }
    // حقلي العمر: the gazetteer's حقل العمر, not a new place "العمر".
    let t = "انسحبت القوات الأمريكية من حقلي العمر وكونيكو في ريف دير الزور.";
    for place in ["al-omar", "conoco"] {
        assert!(
            has(t, "withdraw", "united-states", place),
            "{place}: {:?}",
            roles(t, "withdraw")
        );
    }
    // The accusative tanween is no dual: مقراً للحشد names nothing.
    let t = "استهدفت ضربة أمريكية مقراً للحشد الشعبي في بغداد.";
    assert!(
        has(t, "attack", "united-states", "baghdad"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_strict_place_name_counts_after_a_word_of_nearness() {
    // الميادين is also "the fields": its bare name counts after a head noun,
    // and after قرب or a direction (شرقي) as well.
    for t in [
        "ردت واشنطن بغارة قرب الميادين.",
        "نفذت طائرة أمريكية ضربة شرقي الميادين.",
    ] {
        assert!(
            has(t, "attack", "united-states", "al-mayadin"),
            "{t}: {:?}",
            roles(t, "attack")
        );
    }
    assert!(roles("تتنافس الشركات في مختلف الميادين.", "attack").is_empty());
}

#[test]
fn an_instrument_after_an_attack_noun_acts_for_its_owner() {
    for t in [
        "قتل قيادي في الحشد بضربة مسيّرة أمريكية شرقي بغداد.",
        "قتل قيادي في الحشد بضربة بطائرة مسيّرة أمريكية شرقي بغداد.",
    ] {
        assert!(
            has(t, "attack", "united-states", "baghdad"),
            "{t}: {:?}",
            roles(t, "attack")
        );
    }
    // A definite one is what is attacked.
    let e = events("أعلنت الفصائل استهداف الطائرات الأمريكية في أربيل.");
    assert!(
        e.iter()
            .any(|m| m.action == "attack" && m.target.as_deref() == Some("united-states")),
        "{e:?}"
    );
}

#[test]
fn a_light_verb_with_coordinated_actors_gives_each_the_nouns_roles() {
    for t in [
        "شنت مقاتلات أمريكية وأردنية غارات جوية على مواقع في البادية السورية.",
        "شنت مقاتلات أمريكية وأردنية، مساء أمس الجمعة، سلسلة غارات جوية على مواقع في البادية السورية.",
    ] {
        let r = roles(t, "attack");
        assert!(
            r.contains(&("united-states".into(), "syrian-desert".into()))
                && r.contains(&("jordan".into(), "syrian-desert".into()))
                && r.len() == 2,
            "{t}: {r:?}"
        );
    }
}

#[test]
fn a_light_verb_with_its_pronoun_after_the_noun_gives_the_actor() {
    let t = "وتصاعد التوتر بعد يوم من زيارة أجراها الرئيس الأمريكي جو بايدن إلى إسرائيل.";
    assert!(
        has(t, "meet", "joe-biden", "israel"),
        "{:?}",
        roles(t, "meet")
    );
}

#[test]
fn factions_of_a_named_group_are_that_group() {
    // فصائل "X" is X acting (a partitive like مجموعة، بعض).
    let t = "وتبنت فصائل \"المقاومة الإسلامية في العراق\" الهجوم على قاعدة حرير.";
    assert!(
        has(t, "attack", "islamic-resistance-in-iraq", "harir"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_base_conjunct_with_its_head_noun_continues_past_a_locator() {
    let t = "استهدفت طائرات مسيّرة قاعدة عين الأسد الجوية غربي الأنبار وقاعدة حرير شمال أربيل.";
    for place in ["ain-al-asad", "harir"] {
        assert!(
            roles(t, "attack").iter().any(|(_, p)| p == place),
            "{place}: {:?}",
            roles(t, "attack")
        );
    }
}

#[test]
fn forces_returning_to_a_place_are_deployed_there() {
    let t = "وينتشر في العراق نحو 5200 جندي أمريكي. وكانت هذه القوات قد عادت إلى البلاد عام 2014 بطلب من الحكومة العراقية.";
    assert!(
        events(t).iter().any(|m| m.action == "deploy"
            && m.actor.as_deref() == Some("united-states")
            && m.provenance.sentence == 1),
        "{:?}",
        roles(t, "deploy")
    );
    // Going home is a withdrawal; ISIS "returning" is a resurgence.
    assert!(roles("وستعود القوات الأمريكية إلى بلادها نهاية العام.", "deploy").is_empty());
    assert!(
        roles(
            "وحذر من عودة تنظيم داعش إذا انسحبت القوات الأمريكية.",
            "deploy"
        )
        .is_empty()
    );
}

#[test]
fn providing_advice_is_training_by_the_subject() {
    // قدّم/يقدم is a support verb: its subject gives the advice.
    let t = "وفي الموصل، يقدم مستشارون أمريكيون المشورة للقوات العراقية.";
    assert!(
        roles(t, "train").iter().any(|(a, _)| a == "united-states"),
        "{:?}",
        roles(t, "train")
    );
    // (and in a relative clause on the event noun)
    let t = "وأوضح المتحدث أن عمليات التدريب التي يقدمها التحالف للقوات العراقية ستتوقف مؤقتاً.";
    assert!(
        roles(t, "train").iter().any(|(a, _)| a == "coalition"),
        "{:?}",
        roles(t, "train")
    );
}

#[test]
fn an_event_noun_and_its_relative_verb_are_one_event() {
    let t = "قتل عشرات المدنيين في الضربات التي نفذتها طائرات التحالف على الباغوز.";
    let r = roles(t, "attack");
    assert_eq!(
        r,
        vec![("coalition".to_string(), "baghuz".to_string())],
        "{r:?}"
    );
}

#[test]
fn a_person_after_a_title_and_its_complement_is_the_subject() {
    let t =
        "وبحث المبعوث الأمريكي الخاص إلى سوريا توم باراك مع الرئيس أحمد الشرع في دمشق ملف القواعد.";
    assert!(
        has(t, "negotiate", "tom-barrack", "damascus"),
        "{:?}",
        roles(t, "negotiate")
    );
}

#[test]
fn a_visited_city_is_the_place_not_the_visitor() {
    let t = "وزار أربيل الأسبوع الماضي.";
    assert_eq!(roles(t, "meet"), vec![(String::new(), "erbil".to_string())]);
}

#[test]
fn a_visit_and_a_meeting_after_a_comma_share_subject_and_place() {
    // The portfolio of an indefinite title (وزيرة القوات المسلحة الفرنسية)
    // comes before the name; a feminine verb cannot have the masculine title
    // after it as subject (والتقت رئيس الإقليم), so it continues the clause.
    let t = "وكانت وزيرة القوات المسلحة الفرنسية كاترين فوتران قد زارت أربيل مطلع الشهر الجاري، والتقت رئيس الإقليم نيجيرفان بارزاني.";
    let e = events(t);
    let meets: Vec<_> = e.iter().filter(|m| m.action == "meet").collect();
    assert_eq!(meets.len(), 2, "{e:?}");
    for m in &meets {
        assert_eq!(m.place.as_deref(), Some("erbil"), "{m:?}");
        assert!(
            m.actor.as_deref().is_some_and(|a| a.contains("fwtran")),
            "{m:?}"
        );
    }
    assert_eq!(meets[1].target.as_deref(), Some("nechirvan-barzani"));
}

#[test]
fn what_remains_of_the_forces_is_a_quantity_not_a_stay() {
    let t = "وتدرس واشنطن سحب ما تبقى من قواتها في قاعدة الشدادي.";
    assert!(roles(t, "remain").is_empty(), "{:?}", roles(t, "remain"));
    assert!(
        has(t, "withdraw", "united-states", "shaddadi-base"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_capital_before_an_object_stays_the_subject_of_a_place_verb() {
    let t = "سلمت واشنطن قاعدة عين الأسد للجيش العراقي.";
    let e = events(t);
    assert!(
        e.iter()
            .any(|m| m.action == "handover" && m.actor.as_deref() == Some("united-states")),
        "{e:?}"
    );
}

#[test]
fn a_subject_with_an_adjective_and_its_place_before_its_verb() {
    let t = "وأكد أن مستشاري التحالف الدولي المتبقين في إقليم كردستان سيغادرونه بحلول أيلول 2026.";
    assert!(
        has(t, "withdraw", "coalition", "kurdistan-region"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_count_of_forces_after_a_killing_is_its_victims() {
    // ثلاثة is a count (a quantity word), and what it counts after مقتل is
    // who was killed, not who killed.
    let e = events("مقتل ثلاثة من قوات مكافحة الإرهاب في كردستان بقصف تركي على مطار عربت.");
    let kill = e.iter().find(|m| m.action == "kill").expect("a killing");
    assert_eq!(kill.actor.as_deref(), Some("turkey"), "{kill:?}");
    assert_eq!(
        kill.target.as_deref(),
        Some("kurdistan-counter-terrorism"),
        "{kill:?}"
    );
}

#[test]
fn ali_after_a_title_is_a_name_but_ala_is_not() {
    // علي (Ali) and على (on) normalize alike; the original spelling decides.
    let t = "وطالب النائب عن الإطار التنسيقي علي الساعدي الحكومة العراقية بإخراج القوات الأجنبية.";
    let r = roles(t, "demand");
    assert!(r.iter().any(|(a, _)| a.contains("alsaedy")), "{r:?}");
    let e = events("وقال المتحدث على هامش المؤتمر إن القوات الأمريكية ستنسحب من العراق.");
    assert!(
        e.iter().all(|m| m
            .attributed_to
            .as_deref()
            .is_none_or(|a| !a.contains("hamsh"))),
        "{e:?}"
    );
}

#[test]
fn an_adverb_of_place_never_acts() {
    let t = "وتنتشر القوات التركية في شمال سوريا منذ عام 2016. وأكدت وزارة الدفاع التركية أنها \"ستبقى هناك ما دام التهديد قائماً\".";
    let r = roles(t, "remain");
    assert!(
        !r.is_empty() && r.iter().all(|(a, _)| a != "north-syria"),
        "{r:?}"
    );
}

#[test]
fn a_sentence_opening_with_a_verb_and_a_preposition_goes_on_with_the_last_subject() {
    let t = "وتنشر تركيا آلاف الجنود في شمال العراق. وتحتفظ بقواعد عسكرية داخل الأراضي العراقية.";
    assert!(
        has(t, "remain", "turkey", "iraq"),
        "{:?}",
        roles(t, "remain")
    );
    // (not when a noun that may be its subject follows the verb)
    let t = "وتنشر تركيا آلاف الجنود في شمال العراق. وتعرضت قواعد تضم قوات أمريكية لهجمات.";
    assert!(
        roles(t, "attack").iter().all(|(a, _)| a != "turkey"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn the_islamic_resistance_in_short_is_the_iraqi_one() {
    let t = "مسيّرة تستهدف قاعدة حرير والمقاومة الإسلامية تتبنى الهجوم";
    assert!(
        has(t, "attack", "islamic-resistance-in-iraq", "harir"),
        "{:?}",
        roles(t, "attack")
    );
    // (the Lebanese one keeps its own, longer name)
    let t = "وأعلنت المقاومة الإسلامية في لبنان استهداف موقع إسرائيلي.";
    assert!(
        roles(t, "attack")
            .iter()
            .all(|(a, _)| a != "islamic-resistance-in-iraq"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn words_of_extent_stand_between_a_preposition_and_its_place() {
    let t = "وقال الجيش إن طائراته نفذت نحو 200 غارة على أهداف عسكرية في أنحاء سوريا.";
    assert!(
        roles(t, "attack").iter().any(|(_, p)| p == "syria"),
        "{:?}",
        roles(t, "attack")
    );
    let t = "ونشرت واشنطن قوات في مختلف أنحاء العراق.";
    assert!(
        has(t, "deploy", "united-states", "iraq"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn an_unknown_group_is_not_named_unknown() {
    let t = "مسيّرة تستهدف قاعدة حرير وجماعة مجهولة تتبنى الهجوم";
    let r = roles(t, "attack");
    assert!(r.iter().all(|(a, _)| !a.starts_with("mjhw")), "{r:?}");
}

#[test]
fn both_sides_are_the_parties_of_the_last_meeting() {
    let t = "استقبل رئيس الوزراء محمد شياع السوداني، اليوم، قائد القيادة المركزية الأمريكية الجنرال مايكل كوريلا. وبحث الجانبان موعد إنهاء مهمة التحالف.";
    let r = roles(t, "negotiate");
    for who in ["mohammed-shia-al-sudani", "michael-kurilla"] {
        assert!(r.iter().any(|(a, _)| a == who), "{who}: {r:?}");
    }
    // (a dual verb without a subject says the same)
    let t = "وفي أربيل، استقبل رئيس إقليم كردستان نيجيرفان بارزاني السفيرة الأمريكية ألينا رومانوسكي، وبحثا مستقبل قوات التحالف في الإقليم.";
    let r = roles(t, "negotiate");
    for who in ["nechirvan-barzani", "alina-romanowski"] {
        assert!(r.iter().any(|(a, _)| a == who), "{who}: {r:?}");
    }
    // (but "both countries" are the states)
    let t = "استقبل الرئيس الأمريكي جو بايدن رئيس الوزراء محمد شياع السوداني في البيت الأبيض. واتفق البلدان على جدول زمني.";
    let r = roles(t, "agree");
    assert!(r.iter().any(|(a, _)| a == "united-states"), "{r:?}");
}

#[test]
fn a_generals_full_rank_is_a_title() {
    let t = "استقبل وزير الدفاع العراقي ثابت العباسي قائد بعثة حلف شمال الأطلسي في العراق الفريق الأول جوفاني ماريا إيانوتشي.";
    let e = events(t);
    assert!(
        e.iter()
            .any(|m| m.target.as_deref() == Some("jwfany-marya-ayanwtshy")),
        "{e:?}"
    );
}

#[test]
fn a_quote_opening_with_a_phase_verb_keeps_the_subject_before_it() {
    let t = "وأكد هيغسيث أن الولايات المتحدة \"ستواصل تدريب القوات العراقية وتقديم المشورة لها\".";
    assert!(
        roles(t, "train").iter().any(|(a, _)| a == "united-states"),
        "{:?}",
        roles(t, "train")
    );
}

#[test]
fn a_broken_plural_nationality_in_the_accusative_names_its_state() {
    let t = "وأضاف أن مستشارين عسكريين روساً يواصلون تدريب وحدات من الجيش السوري.";
    assert!(
        roles(t, "train").iter().any(|(a, _)| a == "russia"),
        "{:?}",
        roles(t, "train")
    );
}

#[test]
fn forces_present_after_a_place_phrase_are_its_subject() {
    let t = "ويوجد في العراق نحو 2500 جندي أمريكي ضمن التحالف الدولي.";
    assert!(
        has(t, "deploy", "united-states", "iraq"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn forces_spread_between_bases_are_at_each() {
    let t = "وينتشر نحو 900 جندي أمريكي في سوريا، يتوزعون بين قاعدة الشدادي وقاعدة خراب الجير.";
    for place in ["shaddadi-base", "kharab-al-jir"] {
        assert!(
            has(t, "deploy", "united-states", place),
            "{place}: {:?}",
            roles(t, "deploy")
        );
    }
}

#[test]
fn names_after_a_plural_noun_of_bases_are_a_list() {
    let t = "ونشرت واشنطن آلاف المستشارين في قواعد عين الأسد والتقدم وحرير.";
    for place in ["ain-al-asad", "al-taqaddum", "harir"] {
        assert!(
            has(t, "deploy", "united-states", place),
            "{place}: {:?}",
            roles(t, "deploy")
        );
    }
}

#[test]
fn a_reporting_verb_of_moving_reports_past_a_long_subject() {
    let t = "ونقلت وكالة رويترز الشهر الماضي عن مسؤولين أمريكيين أن القوات ستبقى في التنف.";
    assert!(
        roles(t, "reposition").is_empty(),
        "{:?}",
        roles(t, "reposition")
    );
    // (but عن طريق is "by way of")
    let t = "ونقلت القوات الأمريكية معدات عن طريق البر إلى قاعدة حرير.";
    assert!(
        has(t, "reposition", "united-states", "harir"),
        "{:?}",
        roles(t, "reposition")
    );
}

#[test]
fn command_and_control_names_no_body() {
    let t = "وقالت الوزارة إن القوات الأمريكية قصفت مراكز قيادة وسيطرة في منطقة القائم.";
    let e = events(t);
    assert!(e.iter().all(|m| m.target.is_none()), "{e:?}");
    // (a ministry named after a fixed phrase of another kind is still found:
    // وزارة النقل)
    let t = "وقالت وزارة النقل العراقية إن القوات الأمريكية انسحبت من المطار.";
    let e = events(t);
    assert!(e.iter().any(|m| m.attributed_to.is_some()), "{e:?}");
}

#[test]
fn both_sides_guards() {
    // (a past verb with an object pronoun is no dual: بغداد التي زارها أوستن)
    let t = "استقبل السوداني الجنرال مايكل كوريلا. وكانت بغداد التي زارها لويد أوستن قد شهدت مباحثات مماثلة.";
    let r = roles(t, "meet");
    assert!(r.iter().any(|(a, _)| a == "lloyd-austin"), "{r:?}");
    assert!(
        r.iter().filter(|(a, _)| a == "michael-kurilla").count() <= 1,
        "{r:?}"
    );
    // (the topic of talks is no party: a later الجانبان is not the coalition)
    let t = "استقبل رئيس الإقليم نيجيرفان بارزاني السفيرة الأمريكية ألينا رومانوسكي، وبحثا مستقبل قوات التحالف. واتفق الجانبان على مواصلة التنسيق.";
    let r = roles(t, "agree");
    assert!(r.iter().all(|(a, _)| a != "coalition"), "{r:?}");
    assert!(r.iter().any(|(a, _)| a == "alina-romanowski"), "{r:?}");
}

#[test]
fn a_moving_verb_before_another_عن_still_moves() {
    let t = "ونقلت القوات الأمريكية معداتها بعيداً عن الحدود إلى قاعدة حرير.";
    assert!(
        has(t, "reposition", "united-states", "harir"),
        "{:?}",
        roles(t, "reposition")
    );
}

#[test]
fn a_quote_opening_with_a_phase_noun_does_not_take_the_speaker() {
    let t = "وأعلنت الحكومة العراقية \"بدء انسحاب القوات الأمريكية من قاعدة عين الأسد\".";
    let r = roles(t, "withdraw");
    assert!(r.iter().any(|(a, _)| a == "united-states"), "{r:?}");
    assert!(
        r.iter()
            .all(|(a, _)| a != "iraqi-government" && a != "iraq"),
        "{r:?}"
    );
}

#[test]
fn a_vague_time_after_the_verb_does_not_part_it_from_its_object() {
    let t = "وكانت قوات التحالف قد سلّمت خلال الأشهر الماضية قواعد القائم والقيارة.";
    assert!(
        has(t, "handover", "coalition", "qayyarah-air-base"),
        "{:?}",
        roles(t, "handover")
    );
}

#[test]
fn an_armed_group_after_an_attack_noun_with_its_target_is_the_attacker() {
    let t = "وأرسلت ألمانيا مدربين إلى الإقليم بعد هجوم \"داعش\" على سنجار عام 2014.";
    assert!(
        has(t, "attack", "isis", "sinjar"),
        "{:?}",
        roles(t, "attack")
    );
    // (without a target phrase the genitive stays the object: استهداف التحالف)
    let t = "وحذرت الحكومة من أن استهداف التحالف الدولي يضر بالعراق.";
    assert!(
        roles(t, "attack").iter().all(|(a, _)| a != "coalition"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn the_author_of_an_incursion_kills_as_an_attacker_does() {
    let t = "مقتل 13 سورياً في توغل إسرائيلي بريف دمشق";
    assert!(
        roles(t, "kill").iter().any(|(a, _)| a == "israel"),
        "{:?}",
        roles(t, "kill")
    );
}

#[test]
fn a_mountain_top_is_no_summit() {
    let t = "وسيطرت القوات الإسرائيلية على قمة جبل الشيخ في كانون الأول 2024.";
    assert!(roles(t, "meet").is_empty(), "{:?}", roles(t, "meet"));
    let t = "وعقدت قمة بغداد أمس بحضور الرئيس الفرنسي.";
    assert!(!roles(t, "meet").is_empty());
}

#[test]
fn tasallama_hands_over_to_a_recipient_and_receives_from_a_giver() {
    // تسلّم is both "hands over" (present of سلّم) and "received": the
    // recipient's لـ/إلى or the giver's من tells which.
    let handed = |t: &str| {
        events(t)
            .into_iter()
            .filter(|m| m.action == "handover")
            .map(|m| (m.actor.unwrap_or_default(), m.target.unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let t = "القوات البريطانية تسلّم قاعدة الشعيبة للجيش العراقي";
    assert!(
        handed(t).contains(&("united-kingdom".into(), "iraqi-army".into())),
        "{:?}",
        handed(t)
    );
    let t = "تسلّم الجيش العراقي قاعدة الشعيبة من القوات البريطانية.";
    assert!(
        handed(t).contains(&("united-kingdom".into(), "iraqi-army".into())),
        "{:?}",
        handed(t)
    );
}

#[test]
fn a_damma_on_a_present_ending_in_ya_is_active() {
    // ستُبقي (form IV, active) is not the passive ستُبقى.
    let t = "وقال المتحدث إن فرنسا ستُبقي نحو مئتي جندي في العراق.";
    assert!(
        has(t, "remain", "france", "iraq"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn warships_act_for_their_state() {
    let t = "وغادرت معظم السفن الحربية الروسية قاعدة طرطوس البحرية خلال الأسبوع الماضي.";
    assert!(
        has(t, "withdraw", "russia", "tartus-naval-base"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_copula_passes_its_subject_on() {
    // to the participle after it
    let t = "وقال المصدر إن نحو 200 جندي بريطاني كانوا متمركزين في قاعدة الشعيبة.";
    assert!(
        has(t, "deploy", "united-kingdom", "shaibah"),
        "{:?}",
        roles(t, "deploy")
    );
    // and, after أن, carries the denier as its pronoun
    let t = "ونفت عصائب أهل الحق أن تكون قد نفذت الهجوم على قاعدة حرير.";
    assert!(
        roles(t, "attack")
            .iter()
            .any(|(a, _)| a == "asaib-ahl-al-haq"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_speech_verb_between_gives_the_subject_of_its_complement() {
    // شنت has no subject of its own: it is the denier's, not the
    // condemner's before it.
    let t = "ودانت الحكومة العراقية الهجوم، بينما نفت كتائب حزب الله أن شنت الهجوم.";
    let r = roles(t, "attack");
    assert!(r.iter().any(|(a, _)| a == "kataib-hezbollah"), "{r:?}");
    assert!(r.iter().all(|(a, _)| a != "iraqi-government"), "{r:?}");
}

#[test]
fn a_mountain_is_named_after_jabal_even_on_its_top() {
    let t = "وقال وزير الدفاع إن القوات الإسرائيلية ستبقى في قمة جبل الشيخ.";
    assert!(
        roles(t, "remain")
            .iter()
            .any(|(a, p)| a == "israel" && p == "alshykh"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn a_word_that_is_no_trigger_does_not_end_the_roles_of_the_one_before() {
    // (قمة without its summit reading does not cut the place off)
    let t = "وانتشرت قوات أمريكية في قمة جبل سنجار.";
    assert!(
        has(t, "deploy", "united-states", "sinjar"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn the_nationality_of_an_event_noun_is_no_subject_of_the_verb_before() {
    let t = "وتظاهر أنصار الفصائل التي تعارض الدعم الأمريكي لإسرائيل.";
    assert!(
        roles(t, "oppose").iter().all(|(a, _)| a != "united-states"),
        "{:?}",
        roles(t, "oppose")
    );
}

#[test]
fn will_not_accept_is_a_refusal() {
    let t = "وقالت عصائب أهل الحق إنها لن تقبل ببقاء أي جندي أجنبي على أرض العراق.";
    let e: Vec<_> = events(t)
        .into_iter()
        .filter(|m| m.action == "oppose")
        .collect();
    assert!(
        e.iter()
            .any(|m| m.actor.as_deref() == Some("asaib-ahl-al-haq")
                && m.polarity == kg::model::Polarity::Positive),
        "{e:?}"
    );
}

#[test]
fn advisers_and_trainers_are_moved_and_sent() {
    let t = "ونقلت الولايات المتحدة عدداً من المستشارين إلى قاعدة حرير.";
    assert!(
        has(t, "reposition", "united-states", "harir"),
        "{:?}",
        roles(t, "reposition")
    );
    let t = "وأعلنت الدنمارك إرسال 30 مدرباً إلى بغداد.";
    assert!(
        has(t, "deploy", "denmark", "baghdad"),
        "{:?}",
        roles(t, "deploy")
    );
    // (a discussion is talks: لمناقشة انسحاب التحالف)
    let t = "وعقد البرلمان العراقي جلسة لمناقشة انسحاب التحالف.";
    assert!(
        roles(t, "negotiate")
            .iter()
            .any(|(a, _)| a == "iraqi-parliament"),
        "{:?}",
        roles(t, "negotiate")
    );
}

#[test]
fn a_speech_verb_without_subject_continues_the_verb_before_it() {
    let t = "وكان الرئيس الأمريكي قد أعلن الاتفاق. غير أن كتائب حزب الله رفضت مخرجات الحوار الاستراتيجي، وقالت في بيان إنها \"لن تقبل ببقاء أي جندي أمريكي على أرض العراق\".";
    let e: Vec<_> = events(t)
        .into_iter()
        .filter(|m| m.action == "remain")
        .collect();
    assert!(
        e.iter()
            .any(|m| m.attributed_to.as_deref() == Some("kataib-hezbollah")),
        "{e:?}"
    );
}

#[test]
fn a_bare_form_after_a_phase_verb_is_its_verbal_noun() {
    // (ضرب after ستواصل is the noun ضَرْب: its actor is the subject the
    // phase verb carries, here through لكنها)
    let t = "وقالت فرنسا إنها لا تسعى إلى حرب، لكنها ستواصل ضرب الجماعات المسلحة في سوريا.";
    assert!(
        has(t, "attack", "france", "syria"),
        "{:?}",
        roles(t, "attack")
    );
    // (not after أنها, which is no form of أنهى)
    let t = "وأعلنت كتائب حزب الله أنها استهدفت قاعدة عين الأسد.";
    assert!(
        has(t, "attack", "kataib-hezbollah", "ain-al-asad"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn a_camp_or_field_named_before_is_taken_up_by_its_head_noun() {
    let t = "تسلمت الحكومة السورية إدارة مخيم الهول في ريف الحسكة. \
             وقال مصدر إن وحدات من الجيش السوري انتشرت داخل المخيم.";
    assert!(
        has(t, "deploy", "syrian-army", "al-hol-camp"),
        "{:?}",
        roles(t, "deploy")
    );
    // (never another place: no camp was named)
    let t = "زار الوزير مدينة الحسكة. وقال مصدر إن وحدات من الجيش السوري انتشرت داخل المخيم.";
    assert!(
        roles(t, "deploy").iter().all(|r| r.1.is_empty()),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn a_place_after_a_long_object_is_still_the_events() {
    let t = "شنت القوات الأمريكية ضربات جوية على أكثر من 85 هدفاً تابعاً للحرس الثوري \
             الإيراني وفصائل مسلحة موالية له في العراق وسوريا.";
    assert!(
        has(t, "attack", "united-states", "iraq") && has(t, "attack", "united-states", "syria"),
        "{:?}",
        roles(t, "attack")
    );
}

#[test]
fn the_opposition_after_a_group_noun_is_no_refusal() {
    let t = "وتقصف إيران مقار أحزاب المعارضة الكردية في أربيل.";
    assert!(roles(t, "oppose").is_empty(), "{:?}", roles(t, "oppose"));
    assert!(
        has(t, "attack", "iran", "erbil"),
        "{:?}",
        roles(t, "attack")
    );
    // (the act of opposing is still one)
    let t = "وأعلن الحزب الديمقراطي الكردستاني معارضته لانسحاب القوات الأمريكية.";
    assert!(!roles(t, "oppose").is_empty(), "{:?}", roles(t, "oppose"));
}

#[test]
fn the_bare_phrase_after_a_verbal_nouns_agent_is_its_object() {
    let t = "ومع بدء مغادرة جنود التحالف الدولي قاعدة عين الأسد، تغير المشهد.";
    assert!(
        has(t, "withdraw", "coalition", "ain-al-asad"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn a_word_with_tanwin_is_no_part_of_a_discovered_name() {
    // (سد تشرين, not سد تشرين تمهيداً)
    let t = "قسد تبدأ الانسحاب من محيط سد تشرين تمهيداً لتسليمه إلى الحكومة السورية";
    let e = events(t);
    assert!(
        e.iter()
            .any(|m| m.action == "withdraw" && m.place.as_deref() == Some("tshryn")),
        "{e:?}"
    );
    // (nor does an indefinite head noun with tanwin introduce a name)
    let t = "وقال الحرس الثوري إنه استهدف بصواريخ باليستية مقراً للتجسس في أربيل.";
    let e = events(t);
    assert!(
        e.iter().all(|m| m.place.as_deref() != Some("lltjss")),
        "{e:?}"
    );
}

#[test]
fn a_named_post_is_a_base_and_a_checkpoint_is_no_name() {
    let t = "بدأت القوات التركية إخلاء نقطة مورك في ريف حماة.";
    assert!(
        has(t, "withdraw", "turkey", "mwrk"),
        "{:?}",
        roles(t, "withdraw")
    );
    let t = "وانسحبت القوات التركية من نقطتي مراقبة قرب تل أبيض.";
    assert!(
        has(t, "withdraw", "turkey", "tal-abyad"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn an_indefinite_predicate_after_a_complements_subject_takes_it() {
    let t = "وقال مسؤول في الحلف إن بعثة الناتو باقية في العراق.";
    assert!(
        has(t, "remain", "nato-mission-iraq", "iraq"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn its_presence_stands_for_its_forces() {
    let t = "وقال الوزير إن موسكو مهتمة بالإبقاء على وجودها في حميميم.";
    assert!(
        has(t, "remain", "russia", "hmeimim"),
        "{:?}",
        roles(t, "remain")
    );
}

#[test]
fn military_police_and_patrols_act_for_their_state() {
    let t = "وأعلنت موسكو أن الشرطة العسكرية الروسية ستنتشر في ريف إدلب الجنوبي.";
    assert!(
        has(t, "deploy", "russia", "idlib-governorate"),
        "{:?}",
        roles(t, "deploy")
    );
    let t = "وقدمت روسيا مقترحاً يقضي بنشر دوريات للشرطة العسكرية الروسية في محافظة القنيطرة.";
    assert!(
        has(t, "deploy", "russia", "quneitra-governorate"),
        "{:?}",
        roles(t, "deploy")
    );
}

#[test]
fn the_subject_of_a_verb_of_intent_sends_the_forces() {
    let t = "تعتزم الدنمارك إرسال 30 مدرباً إضافياً إلى بغداد.";
    assert!(
        has(t, "deploy", "denmark", "baghdad"),
        "{:?}",
        roles(t, "deploy")
    );
    // (one who expects a withdrawal does not withdraw)
    let t = "وتتوقع بغداد انسحاب القوات الأمريكية من البلاد.";
    assert!(
        roles(t, "withdraw").iter().all(|r| r.0 != "iraq"),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn negation_reaches_past_adverbs_but_not_past_an_object() {
    let neg = |t: &str, action: &str| {
        events(t)
            .into_iter()
            .filter(|m| m.action == action)
            .map(|m| m.polarity)
            .collect::<Vec<_>>()
    };
    use kg::model::Polarity::{Negative, Positive};
    let t = "وقال الوزير إن تركيا لا تعتزم في الوقت الراهن نشر قوات في سوريا.";
    assert_eq!(neg(t, "deploy"), vec![Negative]);
    // (the negation is the decision's, not the withdrawal's)
    let t = "وقال المبعوث الأمريكي إن بلاده لم تحدد موعداً للانسحاب من سوريا.";
    assert_eq!(neg(t, "withdraw"), vec![Positive]);
}

#[test]
fn a_sponsor_is_no_party() {
    let t = "فيما تجري دمشق وتل أبيب مفاوضات برعاية أميركية بشأن اتفاق أمني.";
    let r = roles(t, "negotiate");
    assert!(
        has(t, "negotiate", "syria", "") && has(t, "negotiate", "israel", ""),
        "{r:?}"
    );
    assert!(r.iter().all(|x| x.0 != "united-states"), "{r:?}");
}

#[test]
fn a_relative_verb_takes_its_head_as_subject_and_the_phrase_after_as_object() {
    let t = "وقالت فرنسا إن وحدتها التي تدرّب قوات البيشمركة منذ عام 2015 ستبقى في أربيل.";
    let e = events(t);
    assert!(
        e.iter().any(|m| m.action == "train"
            && m.actor.as_deref() == Some("france")
            && m.target.as_deref() == Some("peshmerga")),
        "{e:?}"
    );
    // (past a comma after the head)
    let t = "وقال وزير الخارجية أسعد الشيباني، الذي التقى نظيره الأمريكي ماركو روبيو، إن …";
    assert!(
        has(t, "meet", "asaad-al-shaibani", ""),
        "{:?}",
        roles(t, "meet")
    );
    // (a resumptive pronoun on the verb leaves the phrase after as subject)
    let t = "وسيطرت قسد على المناطق التي انسحبت منها القوات الأمريكية.";
    assert!(
        has(t, "withdraw", "united-states", ""),
        "{:?}",
        roles(t, "withdraw")
    );
}

#[test]
fn forces_that_move_on_reposition_and_a_mission_that_moves_on_transitions() {
    let t = "وقال إسبر إن نحو ألف جندي أميركي سينتقلون من سوريا إلى غرب العراق.";
    assert!(
        has(t, "reposition", "united-states", "western-iraq"),
        "{:?}",
        roles(t, "reposition")
    );
    let t = "وقال مسؤول إن مهام المستشارين الأمريكيين ستنتقل إلى علاقات ثنائية.";
    assert!(
        roles(t, "reposition").is_empty(),
        "{:?}",
        roles(t, "reposition")
    );
}

#[test]
fn forces_concentrated_in_a_place_are_deployed_there() {
    let t = "وتنتشر القوات الأمريكية في سوريا منذ عام 2015. وتتركز هذه القوات في محافظة الحسكة.";
    assert!(
        has(t, "deploy", "united-states", "hasakah-governorate"),
        "{:?}",
        roles(t, "deploy")
    );
    // (work that focuses on training is no deployment)
    let t = "وتنشر بريطانيا جنوداً في أربيل، ويتركز عمل معظمهم على تدريب القوات العراقية.";
    assert!(
        roles(t, "deploy").iter().all(|r| r.1 != "iraq"),
        "{:?}",
        roles(t, "deploy")
    );
}
