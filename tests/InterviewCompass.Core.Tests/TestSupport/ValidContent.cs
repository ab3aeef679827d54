namespace InterviewCompass.Core.Tests.TestSupport;

/// <summary>A small content set that loads without errors; tests break one thing at a time.</summary>
public static class ValidContent
{
    public const string WalkingOutGuide = """
        ---
        id: walking-out
        title: When it is fine to walk out of an interview
        summary: Leaving an interview early can be the right call.
        tags: [interview, walk-out]
        reviewed: 2026-11-22
        related: [walk-out, withdrawal-note]
        sources:
          - title: A walk-out article
            site: Example Careers
            address: https://careers.example/walk-out
            read: 2026-12-02
        ---
        Most interviews are worth finishing. See [withdrawing](/guides/withdrawing#timing) for later.

        ## Pay below the posted range
        If the pay named is under the posted range, ask about it before deciding.

        ## Leaving politely
        Thank them, say it is not the right fit, and go.
        """;

    public const string WithdrawingGuide = """
        ---
        id: withdrawing
        title: Withdrawing from a hiring process
        summary: How to say no gracefully once you know.
        tags: [withdraw]
        reviewed: 2026-11-20
        related: []
        sources:
          - title: A withdrawal article
            site: Example Careers
        ---
        ## Timing
        Sooner is kinder than later.

        ## The shape of a graceful note
        Thanks first, then the decision. Compare [walking out](/guides/walking-out).
        """;

    public const string WalkOutChecklist = """
        id: walk-out
        title: Should I walk out of this interview?
        moment: interview-break
        summary: A few questions you can answer on a break.
        defaultOutcome: stay
        thresholds:
          - atLeast: 2
            outcome: leave
        rules:
          - outcome: leave
            all:
              - item: shouting
                anyOf: [yes]
        items:
          - id: salary-below-posted
            prompt: Has the pay come in under the posted range?
            why: A lower offer than advertised is worth raising.
            tier: dealbreaker
            raiseFirst: true
            guide: walking-out#pay-below-the-posted-range
            situation: pay
            effects:
              yes: raise
              raised-unresolved: leave
            scripts:
              raise: "Could we talk about the range in the posting?"
          - id: shouting
            prompt: Has anyone shouted or sworn at you?
            why: Abusive conduct is a reason to leave at once.
            tier: serious
            guide: walking-out#leaving-politely
            weight: 1
        outcomes:
          - id: stay
            rank: 0
            headline: Stay and keep going
            explanation: Nothing here says you should go.
            words: ["Carry on as planned."]
          - id: raise
            rank: 1
            headline: Raise it first
            explanation: Ask before deciding.
            words: ["May I ask about something before we go on?"]
            guide: walking-out
          - id: leave
            rank: 2
            headline: Leave politely
            explanation: This is a reason to go.
            words: ["Thank you for your time; I do not think this is the right fit."]
            guide: walking-out#leaving-politely
            message: withdrawal-note
        """;

    public const string WithdrawalNote = """
        id: withdrawal-note
        title: Withdrawal note
        description: A short note saying you are withdrawing.
        guide: withdrawing#the-shape-of-a-graceful-note
        maxWords: 160
        situations: []
        templates:
          - tone: warm
            subject: "Withdrawing from the {role} process"
            body: |
              Dear {name},
              Thank you for your time. I am withdrawing from the {role} process at {company}.
              {reason}
              With best wishes,
              {contact}
          - tone: brief
            subject: "{role}: withdrawing"
            body: |
              Hi {name}, thanks for your time. I am withdrawing from the {role} process.
              {contact}
          - tone: formal
            subject: "Withdrawal of application: {role}"
            body: |
              Dear {name},
              Thank you for considering me. I wish to withdraw my application for {role}.
              Yours sincerely,
              {contact}
        """;

    public const string Lint = """
        rules:
          - id: thanks-first
            severity: warning
            message: Open by thanking them for their time.
            fix: Start with a sentence of thanks.
            guide: withdrawing#the-shape-of-a-graceful-note
            kinds: [withdrawal-note]
            words: [thank, thanks, grateful]
          - id: decision-early
            severity: warning
            message: Say you are withdrawing in the first two sentences.
            fix: Move the decision up.
            guide: withdrawing#the-shape-of-a-graceful-note
            limit: 2
          - id: reason-short
            severity: info
            message: Keep the reason to a sentence or two.
            fix: Trim the reason.
            guide: withdrawing#the-shape-of-a-graceful-note
            limit: 2
          - id: too-much-detail
            severity: warning
            message: Honest, not too honest.
            fix: Leave out the details.
            guide: withdrawing#the-shape-of-a-graceful-note
            words: [office, equipment]
          - id: thanks-at-end
            severity: info
            message: End with thanks and good wishes.
            fix: Close warmly.
            guide: withdrawing#the-shape-of-a-graceful-note
          - id: too-long
            severity: warning
            message: Keep it short.
            fix: Cut it down.
            guide: withdrawing#timing
          - id: unfilled-placeholder
            severity: error
            message: A placeholder is still in the text.
            fix: Fill it in.
            guide: withdrawing
          - id: no-grievances
            severity: warning
            message: Leave out complaints about people.
            fix: Remove the complaint.
            guide: withdrawing#the-shape-of-a-graceful-note
            words: [rude, unprofessional]
          - id: reason-missing
            severity: warning
            message: Say why.
            fix: Add a reason.
            guide: withdrawing#the-shape-of-a-graceful-note
            words: [because]
          - id: decision-missing
            severity: warning
            message: Say what you decided.
            fix: Add the decision.
            guide: withdrawing#the-shape-of-a-graceful-note
            words: [withdraw*]
          - id: hostile-tone
            severity: warning
            message: That reads as an insult.
            fix: Leave it out.
            guide: withdrawing#the-shape-of-a-graceful-note
            words: [idiot*]
          - id: late-note
            severity: warning
            message: The note says it is late.
            fix: Say it sooner next time.
            guide: withdrawing#the-shape-of-a-graceful-note
            words: ["late reply"]
        """;
}
