namespace InterviewCompass.Core.Tests.Messages;

/// <summary>
/// Drafts written for measuring the linter, each labelled with the rules a careful reader of the
/// guidance would want it to trigger (warnings and errors only: the order of thanks and decision is
/// a suggestion now, info, and not listed). Every kind, good and bad.
/// </summary>
internal static class LinterCorpus
{
    public sealed record Draft(string Id, string Kind, string Text, string[] Expected);

    public static readonly Draft[] All =
    [
        // withdrawal-note: good
        new("wn-good-classic", "withdrawal-note", """
            Dear Ms Okafor,

            Thank you for meeting with me about the paralegal role last week.
            After some thought, I have decided to withdraw my application.
            Having learned more about the position, I don't think it is the right fit for me.

            I wish you the best of luck in finding the right person.

            Kind regards,
            Jordan
            """, []),
        new("wn-good-move-forward", "withdrawal-note", """
            Hi Sam,

            Thanks so much for your time on Tuesday.
            I've decided not to move forward with my application for the analyst role.
            Thank you again, and good luck with the search.

            Best,
            Priya
            """, []),
        new("wn-good-remove", "withdrawal-note", """
            Dear Mr Lewis,
            Thank you for the interview on Friday.
            I would like to remove myself from consideration for the office manager position.
            I have accepted another offer that suits my plans.
            All the best with filling the role.
            Chris
            """, []),
        new("wn-good-prefer", "withdrawal-note", """
            Dear Dana,

            Thank you for the time you and the team spent with me.
            On reflection, I'd prefer not to continue in the process for the designer role.
            I wish you every success with the hire.

            Warm regards,
            Lee
            """, []),
        new("wn-good-pass", "withdrawal-note", "Thank you for meeting me yesterday. I'll pass on the next stage for the sales role, as the travel would not work for me. Best of luck with the search.", []),
        new("wn-good-not-proceed", "withdrawal-note", """
            Dear Dr. Kim,
            Thank you for a thoughtful conversation about the research assistant post.
            I have decided not to proceed with my application.
            Thank you again and I wish you well.
            Sam
            """, []),
        new("wn-good-manager-mention", "withdrawal-note", """
            Dear Alex,
            Thank you for meeting me, and please pass my thanks to the hiring manager too.
            I am withdrawing my application for the coordinator role.
            I wish you all the best.
            Robin
            """, []),
        new("wn-good-two-reasons", "withdrawal-note", """
            Dear Pat,
            Thank you for interviewing me on Monday.
            I have decided to withdraw my application.
            The role is further from home than I had understood. With my current commitments, the commute would be hard to manage.
            Thank you again, and good luck.
            Morgan
            """, []),
        // withdrawal-note: bad
        new("wn-no-thanks-first", "withdrawal-note", """
            Dear Sam,
            I am writing to withdraw my application for the analyst role.
            Thank you for your time, and good luck with the search.
            Alex
            """, []),
        new("wn-late-decision", "withdrawal-note", """
            Dear Ms Park,
            Thank you for meeting me last week. It was good to hear about the team's plans.
            I also enjoyed the tour of the building.
            I would like to withdraw my application. Thank you again and good luck.
            Alex
            """, []),
        new("wn-long-reason", "withdrawal-note", """
            Thank you for meeting with me about the role.
            I have decided to withdraw my application.
            Since the interview I have thought a lot about the commute.
            It would take me over an hour each way.
            The hours would also not work for my family.
            On top of that, the role is more junior than I hoped.
            Thank you again and best of luck.
            """, ["reason-short"]),
        new("wn-long-reason-no-cues", "withdrawal-note", """
            Dear Jo,
            Thank you for your time on Wednesday.
            I've decided to withdraw from the process.
            The role sounds more operational than strategic.
            I am looking for a position with more client contact.
            My current team is also about to start a project I'd like to see through.
            Good luck with the search.
            Sam
            """, []),
        new("wn-coughing", "withdrawal-note", """
            Dear Sam,
            Thank you for meeting with me.
            I am withdrawing my application.
            I could not work somewhere with ten-year-old computers and a receptionist who never stops coughing.
            Thanks again, and good luck.
            Alex
            """, ["too-much-detail"]),
        new("wn-insulting", "withdrawal-note", """
            Dear Kim,
            Thank you for the interview.
            I've decided to withdraw, as I found some of the questions insulting.
            I wish you well.
            Lou
            """, ["too-much-detail"]),
        new("wn-kept-interrupting", "withdrawal-note", """
            Dear Ana,
            Thank you for meeting me on Thursday.
            I have decided to withdraw my application, since the panel kept interrupting my answers.
            Best of luck with the role.
            Ben
            """, ["too-much-detail"]),
        new("wn-nobody-listened", "withdrawal-note", """
            Hi Tom,
            Thanks for your time yesterday.
            I'm withdrawing from the process because nobody listened to what I was saying.
            All the best.
            Zoe
            """, ["too-much-detail"]),
        new("wn-didnt-even", "withdrawal-note", """
            Dear Ms Grant,
            Thank you for the interview.
            I am withdrawing my application; the interviewer didn't even look at my portfolio.
            Good luck with the search.
            Ray
            """, ["too-much-detail"]),
        new("wn-abrupt-end", "withdrawal-note", """
            Dear Sam,
            Thank you for the interview on Monday.
            I am withdrawing from the process.
            I have accepted another offer.
            Please remove me from your list.

            Regards,
            Alex
            """, []),
        new("wn-placeholder", "withdrawal-note", """
            Dear {name},
            Thank you for meeting with me about the role.
            I have decided to withdraw my application.
            Best of luck with the search.
            Alex
            """, ["unfilled-placeholder"]),
        new("wn-everything-wrong", "withdrawal-note", """
            Hello,
            The office was chaotic and the manager was rude to me.
            Anyway I don't think I want this.
            Sam
            """, ["too-much-detail", "decision-missing"]),
        new("wn-no-decision", "withdrawal-note", """
            Dear Lin,
            Thank you for meeting me.
            It was interesting to learn about the team.
            I wish you all the best.
            Kai
            """, ["decision-missing"]),
        new("wn-sign-off-only-thanks", "withdrawal-note", """
            Dear Lin,
            I have decided to withdraw my application for the tutor role.
            The salary is lower than I need.
            Many thanks,
            Kai
            """, []),
        new("wn-underpaid-detail", "withdrawal-note", """
            Dear Jess,
            Thank you for your time.
            I am withdrawing my application because the pay is a pittance for this much work.
            Good luck filling the role.
            Max
            """, ["too-much-detail"]),
        new("wn-smelly-office", "withdrawal-note", """
            Dear Ola,
            Thank you for showing me around on Friday.
            I'm going to pull out of the process.
            The office smelled of damp and the kitchen was filthy.
            I wish you well with the search.
            Ade
            """, ["too-much-detail"]),

        // exit-interview-decline: good
        new("ex-good-prefer", "exit-interview-decline", """
            Hi Jo,
            Thank you for the invitation to an exit interview.
            I'd prefer not to take part, but I'm happy to help with the handover.
            All the best,
            Sam
            """, []),
        new("ex-good-pass", "exit-interview-decline", """
            Dear Lena,
            Thanks for thinking of me. I'll pass on the exit interview.
            My manager has a full handover, and I'm happy to answer questions about it before I go.
            Thank you again, and all the best.
            Rob
            """, []),
        new("ex-good-final-pay", "exit-interview-decline", """
            Dear HR team,
            Thank you for the invitation.
            I have decided not to take part in an exit interview.
            Could you let me know when my final pay will arrive?
            I wish you all the best.
            Sam
            """, []),
        new("ex-good-decline", "exit-interview-decline", "Thank you for the invite. I will decline the exit interview, but I'm grateful for my time here and wish everyone well.", []),
        new("ex-good-rather-not", "exit-interview-decline", """
            Hi Pat,
            Thanks for the note about the exit interview.
            I'd rather not do one, though I'm glad to wrap up anything outstanding.
            Thanks again for all your help.
            Dee
            """, []),
        new("ex-good-manager-knows", "exit-interview-decline", """
            Dear Sam,
            Thank you for the invitation.
            I'll decline the exit interview; my manager and I have already talked through my move.
            With thanks for everything,
            Ali
            """, []),
        // exit-interview-decline: bad
        new("ex-grievance-boss", "exit-interview-decline", """
            Hi Jo,
            Thanks for the invitation to an exit interview.
            I will decline.
            My boss never put me up for promotion and the culture here is toxic.
            Thanks again, and all the best.
            """, ["no-grievances"]),
        new("ex-grievance-underpaid", "exit-interview-decline", """
            Dear HR,
            Thank you for asking.
            I will not take part in the exit interview.
            I was underpaid for years and nobody cared.
            Best wishes to the team.
            Kim
            """, ["no-grievances"]),
        new("ex-grievance-insulting", "exit-interview-decline", """
            Dear Jane,
            Thank you for the invitation.
            I'd prefer not to attend, given how insulting the last review meeting was.
            I wish you well.
            Tam
            """, ["no-grievances"]),
        new("ex-grievance-kept", "exit-interview-decline", """
            Dear Jane,
            Thank you for the invitation.
            I'll decline, since my manager kept changing my targets without telling me.
            All the best to the team.
            Tam
            """, ["no-grievances"]),
        new("ex-no-thanks", "exit-interview-decline", """
            Hi Jo,
            I won't be doing the exit interview.
            Thanks anyway, and all the best.
            Sam
            """, []),
        new("ex-late-decision", "exit-interview-decline", """
            Dear Ravi,
            Thank you for the invitation.
            It has been a busy few weeks with the handover.
            I've been finishing the documentation for the team.
            So I'd prefer not to do the exit interview.
            Thanks again.
            Mel
            """, []),
        new("ex-long-reason", "exit-interview-decline", """
            Dear Ravi,
            Thank you for the invitation.
            I will decline the exit interview.
            My last week is full with the handover.
            I have several client calls to close.
            I also need to train my replacement on the reporting.
            Thanks again for organising it.
            Mel
            """, []),
        new("ex-placeholder", "exit-interview-decline", """
            Dear {name},
            Thank you for the invitation to an exit interview before my last day at {company}.
            I would prefer not to take part.
            I wish you the very best.
            Sam
            """, ["unfilled-placeholder"]),
        new("ex-no-closing", "exit-interview-decline", """
            Dear Ravi,
            Thanks for the invite.
            I'll pass on the exit interview.
            Let me know if you need my laptop back before Friday.
            Mel
            """, []),

        // recruiter-note: good
        new("rn-good-reason", "recruiter-note", """
            Hi Sam,
            Thank you for putting me forward for the analyst role at Acme.
            I have decided not to go ahead.
            The role is more junior than I am looking for, and the team works mostly on site.
            Could you help me word the note to the hiring manager before I send it? Thanks again.
            Alex
            """, []),
        new("rn-good-detail-ok", "recruiter-note", """
            Hi Priya,
            Thanks for arranging the interview at Harbour.
            I've decided to withdraw from that process.
            Honestly, the office was cramped and the equipment was ancient, and the manager kept checking his phone.
            I'd rather find somewhere with a calmer setup. Thanks for your help.
            Jo
            """, []),
        new("rn-good-because", "recruiter-note", """
            Dear Dana,
            Thank you for representing me for the coordinator role.
            I have decided to withdraw my candidacy because the hours clash with my studies.
            I appreciate your help.
            Lee
            """, []),
        new("rn-good-offer", "recruiter-note", "Thanks for all your work on the designer role. I'm withdrawing, as I've accepted another offer closer to home. Thank you for your support.", []),
        new("rn-good-remove", "recruiter-note", """
            Hi Ken,
            Thank you for the introduction to the team at Nova.
            Please remove me from consideration for the role.
            The salary range turned out lower than I can accept.
            Thanks again for everything.
            Ama
            """, []),
        // recruiter-note: bad
        new("rn-no-reason", "recruiter-note", """
            Hi Sam,
            Thank you for putting me forward for the analyst role.
            I have decided to withdraw from the process.
            Thanks again for your help.
            Alex
            """, ["reason-missing"]),
        new("rn-no-reason-help", "recruiter-note", """
            Hi Sam,
            Thanks for setting up the interview.
            I've decided not to go ahead with the role.
            Could you help me word the note to the hiring manager? Thank you.
            Alex
            """, ["reason-missing"]),
        new("rn-no-thanks-first", "recruiter-note", """
            Hi Ken,
            I'm withdrawing from the Nova process because the commute is too long.
            Thanks for your help.
            Ama
            """, []),
        new("rn-late-decision", "recruiter-note", """
            Hi Ken,
            Thank you for the introduction to Nova.
            The team were friendly and the office is lovely.
            The commute would be long, though.
            So I've decided to withdraw. Thanks again.
            Ama
            """, []),
        new("rn-placeholder", "recruiter-note", """
            Hi {name},
            Thank you for putting me forward for the role.
            I have decided to withdraw because the role is more junior than I hoped.
            Thanks again.
            Alex
            """, ["unfilled-placeholder"]),
        new("rn-no-closing", "recruiter-note", """
            Hi Ken,
            Thank you for the introduction to Nova.
            I'm withdrawing as the commute is too long.
            Let's talk next week about other roles.
            Ama
            """, []),

        // walk-out-line: good
        new("wo-good-pay", "walk-out-line", "As the pay is below the posted range, I'll stop here. It's only about money; thank you for your time.", []),
        new("wo-good-culture", "walk-out-line", "I don't think we're a good match, so I'll leave it there. Thanks for your time.", []),
        new("wo-good-see-out", "walk-out-line", "This isn't the right role for me, so I'll show myself out. Thank you for meeting me.", []),
        new("wo-good-end", "walk-out-line", "I don't think this role is the right match for me, so I'll end things here. Thank you for your time.", []),
        new("wo-good-safety", "walk-out-line", "I need step-free access, and that can't be arranged here, so I'll head off now. Thank you all the same.", []),
        // walk-out-line: bad
        new("wo-complaint-shouting", "walk-out-line", "You've been shouting at me for ten minutes, so I'm leaving. Thanks for your time.", ["too-much-detail"]),
        new("wo-complaint-kept", "walk-out-line", "You kept interrupting every answer I gave, so I'll leave now. Thank you anyway.", ["too-much-detail"]),
        new("wo-complaint-late", "walk-out-line", "You turned up forty minutes late without a word, so I'll stop here. Thank you.", ["too-much-detail"]),
        new("wo-no-decision", "walk-out-line", "Thank you for your time. It has been an interesting conversation about the company. I appreciate it.", ["decision-missing"]),
        new("wo-no-thanks", "walk-out-line", "I don't think this is the right fit, so I'll leave now.", []),
        new("wo-lecture", "walk-out-line", "I'm leaving because your questions were insulting and nobody here seems to care. Goodbye.", ["too-much-detail"]),

        // raise-concern-line: good
        new("rc-good-pay", "raise-concern-line", "The figure you mentioned is under the advertised range. Can you match the range from the posting?", []),
        new("rc-good-manager", "raise-concern-line", "Could you tell me whether the manager for this role is in the room?", []),
        new("rc-good-need", "raise-concern-line", "I need step-free access to work safely. Is that something you could arrange?", []),
        new("rc-good-assumptions", "raise-concern-line", "I think there may be a misunderstanding about my background. May I explain how my experience fits this role?", []),
        // raise-concern-line: bad
        new("rc-complaint-rude", "raise-concern-line", "Your questions have been rude and condescending. Can we get back to the job?", ["too-much-detail"]),
        new("rc-complaint-always", "raise-concern-line", "You are always checking your phone while I answer. Shall we continue another day?", ["too-much-detail"]),
        new("rc-placeholder", "raise-concern-line", "Could {company} confirm the {role} role is open?", ["unfilled-placeholder"]),
        // thank-you, follow-up, closing-loop (issue 22): good
        new("ty-good-short", "thank-you", """
            Dear Jo,
            Thank you for meeting me this morning about the analyst role.
            I enjoyed hearing about the data platform, and I am still very interested.
            Best wishes,
            Sam
            """, []),
        new("fu-good-date", "follow-up", """
            Hi Jo,
            Thanks again for the interview last week.
            You hoped to decide by Friday, so I wanted to ask whether there is any news.
            I am still keen, and wish you a good week.
            Sam
            """, []),
        new("cl-good-close", "closing-loop", """
            Dear Jo,
            Thank you for considering me for the analyst role.
            I will take it that you have gone another way, so I will close this on my side.
            I wish you and the team every success.
            Sam
            """, []),
        // thank-you, follow-up, closing-loop: bad
        new("ty-placeholder", "thank-you", """
            Dear Jo,
            Thank you for meeting me this morning about the {role} role.
            I am still very interested, and I wish you a good week.
            Sam
            """, ["unfilled-placeholder"]),
        new("fu-complaint", "follow-up", """
            Hi Jo,
            Thanks for the interview.
            You said Friday and then ignored my emails, which feels rude.
            I would appreciate an update.
            Sam
            """, ["too-much-detail"]),
        new("cl-complaint", "closing-loop", """
            Dear Jo,
            Thank you for considering me for the role.
            Your silence was rude and unprofessional, so I am closing my application.
            All the best.
            Sam
            """, ["too-much-detail"]),
        new("fu-placeholder", "follow-up", """
            Hi Jo,
            Thank you for the interview.
            You expected to decide by {date}; is there any news?
            Best wishes,
            Sam
            """, ["unfilled-placeholder"]),
    ];
}
