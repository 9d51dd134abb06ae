//! Module 3 questions reworded for who is asking, on the document's real
//! questions, in both directions, with the expected text in full.

use howgood::content::library::{Library, embedded_files};
use howgood::session::framing::reframe;
use howgood::session::model::Framing;

/// (as printed, framed 'you/your', framed 'we/us/our')
const CASES: &[(&str, &str, &str)] = &[
    (
        "What are the safety and wellbeing outcomes for children and families that you are trying to deliver in this area?",
        "What are the safety and wellbeing outcomes for children and families that you are trying to deliver in this area?",
        "What are the safety and wellbeing outcomes for children and families that we are trying to deliver in this area?",
    ),
    (
        "Which are the priority vulnerable groups that your agency or partnership should be focussing on and why?",
        "Which are the priority vulnerable groups that your agency or partnership should be focussing on and why?",
        "Which are the priority vulnerable groups that our agency or partnership should be focussing on and why?",
    ),
    (
        "How many children are you aware of who are being educated at home? What do you do proactively to promote their safety and wellbeing?",
        "How many children are you aware of who are being educated at home? What do you do proactively to promote their safety and wellbeing?",
        "How many children are we aware of who are being educated at home? What do we do proactively to promote their safety and wellbeing?",
    ),
    (
        "What are the trends in respect of reported incidents of domestic violence and what do these tell us?",
        "What are the trends in respect of reported incidents of domestic violence and what do these tell you?",
        "What are the trends in respect of reported incidents of domestic violence and what do these tell us?",
    ),
    (
        "What are adults with mental health needs and their children telling us about what we're doing well and what we need to improve on?",
        "What are adults with mental health needs and their children telling you about what you're doing well and what you need to improve on?",
        "What are adults with mental health needs and their children telling us about what we're doing well and what we need to improve on?",
    ),
    (
        "How many children in the local authority area do you know are living with carers who have mental health needs?",
        "How many children in the local authority area do you know are living with carers who have mental health needs?",
        "How many children in the local authority area do we know are living with carers who have mental health needs?",
    ),
    (
        "Are you confident that you know whether the adults you are working with have responsibility for the care of children or regular contact with them eg lodging in a household with children, working with children, grandparent, sibling or 'babysitting'? (Adult mental health services)",
        "Are you confident that you know whether the adults you are working with have responsibility for the care of children or regular contact with them eg lodging in a household with children, working with children, grandparent, sibling or 'babysitting'? (Adult mental health services)",
        "Are we confident that we know whether the adults we are working with have responsibility for the care of children or regular contact with them eg lodging in a household with children, working with children, grandparent, sibling or 'babysitting'? (Adult mental health services)",
    ),
    (
        "What partnership working issues were raised as causes for concern in our last three SCRs; what's the evidence that practice and outcomes for children are now different?",
        "What partnership working issues were raised as causes for concern in your last three SCRs; what's the evidence that practice and outcomes for children are now different?",
        "What partnership working issues were raised as causes for concern in our last three SCRs; what's the evidence that practice and outcomes for children are now different?",
    ),
    (
        "Which are the services (both inside and outside of our organisation) that your staff report having positive working relationships with; which are the services where relationships are poor?",
        "Which are the services (both inside and outside of your organisation) that your staff report having positive working relationships with; which are the services where relationships are poor?",
        "Which are the services (both inside and outside of our organisation) that our staff report having positive working relationships with; which are the services where relationships are poor?",
    ),
    (
        "How do professionals in other agencies experience our service?",
        "How do professionals in other agencies experience your service?",
        "How do professionals in other agencies experience our service?",
    ),
    (
        "How can you be confident that staff are showing the proper respect and empathy to form effective relationships?",
        "How can you be confident that staff are showing the proper respect and empathy to form effective relationships?",
        "How can we be confident that staff are showing the proper respect and empathy to form effective relationships?",
    ),
    (
        "Does another local authority/health trust/police team have a higher level of permanent staff than you, and if so how have they achieved this?",
        "Does another local authority/health trust/police team have a higher level of permanent staff than you, and if so how have they achieved this?",
        "Does another local authority/health trust/police team have a higher level of permanent staff than us, and if so how have they achieved this?",
    ),
    (
        "Do the specialist safeguarding staff in our organisation (eg Designated Doctors and Nurses, safeguarding lead for education) consider that they have adequate capacity to fulfil their role to the required standard?",
        "Do the specialist safeguarding staff in your organisation (eg Designated Doctors and Nurses, safeguarding lead for education) consider that they have adequate capacity to fulfil their role to the required standard?",
        "Do the specialist safeguarding staff in our organisation (eg Designated Doctors and Nurses, safeguarding lead for education) consider that they have adequate capacity to fulfil their role to the required standard?",
    ),
    (
        "Which elements of our learning and development strategy do you evaluate and to what level?",
        "Which elements of your learning and development strategy do you evaluate and to what level?",
        "Which elements of our learning and development strategy do we evaluate and to what level?",
    ),
    (
        "Do we have a complete picture of the learning and development received by all relevant members of staff?",
        "Do you have a complete picture of the learning and development received by all relevant members of staff?",
        "Do we have a complete picture of the learning and development received by all relevant members of staff?",
    ),
    (
        "When was your safeguarding supervision policy last reviewed?",
        "When was your safeguarding supervision policy last reviewed?",
        "When was our safeguarding supervision policy last reviewed?",
    ),
    (
        "What kind of organisational culture do we want?",
        "What kind of organisational culture do you want?",
        "What kind of organisational culture do we want?",
    ),
    (
        "What do children and families like about how we treat them? What do they think we could do better?",
        "What do children and families like about how you treat them? What do they think you could do better?",
        "What do children and families like about how we treat them? What do they think we could do better?",
    ),
    (
        "How do you know if the values and behaviours you espouse are manifested at all levels in the organisation and in all sections?",
        "How do you know if the values and behaviours you espouse are manifested at all levels in the organisation and in all sections?",
        "How do we know if the values and behaviours we espouse are manifested at all levels in the organisation and in all sections?",
    ),
    (
        "What are the main messages about our organisation's culture from the last 20 exit interviews?",
        "What are the main messages about your organisation's culture from the last 20 exit interviews?",
        "What are the main messages about our organisation's culture from the last 20 exit interviews?",
    ),
    (
        "Which of your services and safeguarding arrangements do you know are having a positive impact on the safety and wellbeing of children? Where you don't know this, what can you do to build up your knowledge?",
        "Which of your services and safeguarding arrangements do you know are having a positive impact on the safety and wellbeing of children? Where you don't know this, what can you do to build up your knowledge?",
        "Which of our services and safeguarding arrangements do we know are having a positive impact on the safety and wellbeing of children? Where we don't know this, what can we do to build up our knowledge?",
    ),
    (
        "What funding decisions affecting safeguarding are being made by our partner agencies, and what is the cumulative or knock-on effect of those decisions?",
        "What funding decisions affecting safeguarding are being made by your partner agencies, and what is the cumulative or knock-on effect of those decisions?",
        "What funding decisions affecting safeguarding are being made by our partner agencies, and what is the cumulative or knock-on effect of those decisions?",
    ),
    (
        "Give examples of the worst housing conditions that you know children for whom you are responsible are living in, and the stories of their experience.",
        "Give examples of the worst housing conditions that you know children for whom you are responsible are living in, and the stories of their experience.",
        "Give examples of the worst housing conditions that we know children for whom we are responsible are living in, and the stories of their experience.",
    ),
    (
        "What's the theoretical framework that our practitioners use in their work?",
        "What's the theoretical framework that your practitioners use in their work?",
        "What's the theoretical framework that our practitioners use in their work?",
    ),
];

#[test]
fn every_case_is_a_real_module_3_question() {
    let library = Library::assemble(embedded_files(), Vec::new());
    let content = library
        .framework("lscb-qaf")
        .and_then(|f| f.content.as_ref())
        .expect("lscb-qaf content");
    assert!(CASES.len() >= 20);
    for (original, _, _) in CASES {
        assert!(
            content.questions.iter().any(|q| q.text == *original),
            "not a Module 3 question: {original}"
        );
    }
}

#[test]
fn questions_are_reworded_for_you_and_for_we() {
    for (original, you, we) in CASES {
        assert_eq!(
            reframe(original, Framing::You),
            *you,
            "you/your: {original}"
        );
        assert_eq!(reframe(original, Framing::We), *we, "we/us/our: {original}");
        assert_eq!(reframe(original, Framing::AsWritten), *original);
    }
}

#[test]
fn rewording_goes_both_ways() {
    for (_, you, we) in CASES {
        assert_eq!(reframe(you, Framing::We), *we, "you to we: {you}");
        assert_eq!(reframe(we, Framing::You), *you, "we to you: {we}");
    }
}
