import type { vi } from './vi.js'

/** English, the second language: exactly the keys of `vi` (a missing or extra key does not compile). */
export const en: Record<keyof typeof vi, string> = {
  'lang.self': 'English',
  'lang.switch': 'Change language',

  'layout.skip': 'Skip to main content',
  'layout.nav': 'Main navigation',
  'layout.nav.submit': 'Submit a petition',
  'layout.nav.track': 'Track a petition',
  'layout.service': 'Petitions and citizen reception',
  'layout.footer': 'The personal information you send is protected as the law requires.',

  'form.required': '(required)',
  'form.errorPrefix': 'Error:',
  'form.errorSummary': 'Not sent yet. Please correct the following:',

  'kind.complaint': 'Complaint',
  'kind.denunciation': 'Denunciation',
  'kind.recommendation': 'Recommendation',
  'kind.feedback': 'Feedback',
  'kind.complaint.explain':
    'You ask a body, organisation or official to review their own decision or act that you believe is unlawful and harms your rights or legitimate interests.',
  'kind.denunciation.explain':
    'You report to the competent authority a violation of law by any body, organisation or person that harms or threatens the interests of the State or the rights and legitimate interests of others.',
  'kind.recommendation.explain':
    'You propose a change to a policy, rule or practice, or ask the competent body to do something.',
  'kind.feedback.explain':
    'You tell the competent body about an event, a situation or a problem that you have met or seen.',

  'home.title': 'Send and follow a petition',
  'home.intro':
    'Here you can send a complaint, a denunciation, a recommendation or feedback to {org} without an account. After sending, you get a tracking code and a PIN to follow how it is handled and to read the answer.',
  'home.cta.submit': 'Submit a petition',
  'home.cta.track': 'Track a petition you sent',
  'home.kinds.title': 'Four kinds of petition',
  'home.kinds.intro':
    'A petition is classified by what it says, not by its title. If one petition raises matters of different kinds, you will be asked to split it into one petition per matter.',
  'home.next': 'What happens next',
  'home.limits': 'Legal time limits',
  'home.complaint.next':
    'The complaint is accepted for resolution, or you are told in writing why it is not. After acceptance, the body verifies the facts, may hold a dialogue with you, and then issues a decision.',
  'home.complaint.acceptance':
    'Accept or refuse: within 7 working days of receipt (for petitions received from 01/07/2026); 10 days before that date.',
  'home.complaint.resolution':
    'Resolve: within 30 days of acceptance; a complex case or a remote area: within 45 days; a complex case in a remote area: within 60 days.',
  'home.complaint.basis': 'Legal basis: Law on Complaints No. 02/2011/QH13 (Arts. 27, 28), as amended.',
  'home.denunciation.next':
    'The petition is registered, classified and checked against the conditions for acceptance. If the body is not competent, it sends the petition to the one that is and tells you. After acceptance, the content is verified and a conclusion is issued.',
  'home.denunciation.initial':
    'Initial processing (registration, classification, checking the conditions): within 7 working days of receipt.',
  'home.denunciation.resolution':
    'Resolve: within 30 days of acceptance; a complex case may be extended once, an especially complex case twice, each time by at most 30 days.',
  'home.denunciation.basis': 'Legal basis: Law on Denunciations No. 25/2018/QH14 (Arts. 24, 30).',
  'home.denunciation.protection':
    'The denouncer’s identity is kept secret: the law forbids revealing a denouncer’s name, address, handwriting or other personal information (Law on Denunciations No. 25/2018/QH14, Arts. 8, 9).',
  'home.denunciation.anonymous':
    'A denunciation that is anonymous, or whose sender’s name and address are unclear, is not handled as a denunciation. If its content is specific and backed by documents or evidence, it is still recorded and checked for management purposes (Art. 25). Anonymous senders receive no messages and can follow the petition only with the tracking code and PIN.',
  'home.recommendation.next':
    'The petition is processed: registered, classified and, if needed, sent to the competent body; then you receive an answer.',
  'home.recommendation.processing': 'Processing: within 10 working days of receipt.',
  'home.recommendation.answer': 'Answer: within 10 working days, under the receiving body’s rules.',
  'home.recommendation.basis': 'Legal basis: Law on Citizen Reception No. 42/2013/QH13.',
  'home.feedback.anonymous':
    'You may send feedback anonymously; you then receive no messages and can follow it only with the tracking code and PIN.',
  'home.days':
    'Working days exclude Saturdays, Sundays and public holidays. When a time limit counted in days ends on a day off, it ends on the next working day.',
  'home.track.title': 'Follow a petition you sent',
  'home.track.text':
    'Use the tracking code and PIN on your receipt to see its status, its time limits and the answer.',

  'submit.title': 'Submit a petition',
  'submit.intro':
    'Fill in the fields below. Fields marked (required) must be filled in. After sending, you get a tracking code and a PIN.',
  'submit.kind': 'Kind of petition',
  'submit.kind.hint': 'Choose by what the petition says, not by its title.',
  'submit.title.label': 'Title',
  'submit.title.hint': 'One short sentence saying what it is about.',
  'submit.content': 'Content',
  'submit.content.hint':
    'Describe what happened, when, where, who is involved, and what you ask for. At most {max} characters.',
  'submit.anonymous': 'Send anonymously (denunciations and feedback only)',
  'submit.anonymous.hint':
    'If you tick this, do not fill in your details below. An anonymous denunciation is not handled as a denunciation; it is only recorded and checked if its content is specific and backed by evidence. You will receive no messages and can follow it only with the tracking code and PIN.',
  'submit.petitioner': 'About you',
  'submit.petitioner.hint':
    'Required unless you send a denunciation or feedback anonymously; if you fill it in, give your full name. The body uses these details to contact you and answer; they are kept confidential.',
  'submit.fullName': 'Full name',
  'submit.idNumber': 'Personal identification number (citizen ID card)',
  'submit.address': 'Contact address',
  'submit.phone': 'Phone number',
  'submit.email': 'Email',
  'submit.concerns': 'The petition concerns',
  'submit.organization': 'Body or organisation',
  'submit.person': 'Person (name and position, if known)',
  'submit.topic': 'Subject area',
  'submit.topic.choose': '— Choose a subject area —',
  'submit.signatories': 'Number of people signing',
  'submit.signatories.hint': 'Five or more people make it a multi-person petition.',
  'submit.attachments': 'Documents (optional)',
  'submit.attachments.hint': 'Up to 5 PDF, JPEG, PNG or Word (DOCX) files, 10 MB each at most.',
  'submit.attachments.contentOnly': 'These documents do not identify me',
  'submit.attachments.contentOnly.hint':
    'For a denunciation, documents are seen only by those entitled to, unless you tick this box.',
  'receipt.attachments': 'Documents received',
  'receipt.attachments.failed':
    'Your petition is stored, but its documents could not be. Please send the documents again later.',
  'submit.button': 'Send petition',
  'submit.tooLarge': 'What you sent is too large. Please shorten the content and send it again.',

  'receipt.title': 'We have received your petition',
  'receipt.code': 'Tracking code',
  'receipt.code.hint': 'Tap the code to select it, then copy it.',
  'receipt.pin': 'PIN',
  'receipt.pin.warning':
    'Write down this PIN now. It is shown only once and cannot be recovered. You need both the tracking code and the PIN to see your petition; do not give the PIN to anyone.',
  'receipt.details': 'About the petition',
  'receipt.routing': 'Why it went there',
  'receipt.anonymous':
    'Sent anonymously: the petition is recorded but you will receive no messages. An anonymous denunciation is not handled as a denunciation. Use the tracking code and PIN to follow it.',
  'receipt.track': 'Follow this petition',
  'receipt.print': 'You can print this page or save it as your receipt.',

  'track.title': 'Track a petition',
  'track.intro': 'Enter the tracking code and PIN from your receipt.',
  'track.code': 'Tracking code',
  'track.pin': 'PIN',
  'track.button': 'Look up',
  'track.code.missing': 'Enter the tracking code.',
  'track.pin.missing': 'Enter the PIN.',
  'track.notFound': 'No petition found, or the PIN is wrong. Check the tracking code and PIN and try again.',
  'track.locked': 'Too many attempts. Please try again later.',

  'tracking.title': 'Petition {code}',
  'tracking.petitionTitle': 'Title',
  'tracking.kind': 'Kind',
  'tracking.status': 'Status',
  'tracking.receivedAt': 'Received',
  'tracking.committee': 'Handled by',
  'tracking.deadlines': 'Time limits',
  'tracking.timeline': 'History',
  'tracking.answer': 'Answer',
  'tracking.answer.outcome': 'Outcome',
  'tracking.answer.at': 'Answered on',
  'tracking.answer.none': 'No answer yet.',
  'tracking.escalate': 'Ask the superior to act',
  'tracking.escalate.hint':
    'Your denunciation is past its time limit for resolution. Under Article 38 of the Law on Denunciations 2018 you may ask the directly superior body to act; it asks for a report within 5 working days. Your identity stays protected.',
  'tracking.escalate.reason': 'Your request',
  'tracking.escalate.reason.missing': 'Write your request.',
  'tracking.escalate.button': 'Send the request to the superior',
  'tracking.escalate.done': 'Your request has been sent to the superior body.',
  'tracking.withdraw': 'Withdraw this petition',
  'tracking.withdraw.hint': 'Once withdrawn, the petition will not be handled further.',
  'tracking.withdraw.reason': 'Why you withdraw it',
  'tracking.withdraw.reason.missing': 'Enter why you withdraw the petition.',
  'tracking.withdraw.confirm': 'I want to withdraw this petition',
  'tracking.withdraw.confirm.missing': 'Tick the box to confirm that you want to withdraw the petition.',
  'tracking.withdraw.button': 'Withdraw',
  'tracking.withdraw.done': 'The petition has been withdrawn.',
  'tracking.supplement': 'Add information',
  'tracking.supplement.text': 'What you want to add',
  'tracking.supplement.text.missing': 'Enter what you want to add.',
  'tracking.supplement.button': 'Send',
  'tracking.supplement.done': 'Your additional information has been received.',

  'deadline.none': 'No time limit is running yet.',
  'deadline.due': 'Due',
  'deadline.counted': 'Counted in',
  'deadline.basis': 'Legal basis',
  'dayType.working': 'working days',
  'dayType.calendar': 'days',
  'state.running': 'Running',
  'state.paused': 'Paused',
  'state.met': 'Met',
  'state.missed': 'Overdue',

  'clock.acceptance': 'Acceptance / first decision',
  'clock.resolution': 'Resolution',
  'clock.reception_response': 'Reply to the visitor',
  'clock.transfer': 'Transfer',
  'clock.decision_delivery': 'Sending the decision or conclusion',
  'clock.publication': 'Publishing the conclusion',
  'clock.parties_notice': 'Notice of acceptance',
  'clock.second_complaint_window': 'Time to file a second complaint',
  'clock.limitation': 'Limitation period',
  'clock.referral_report': 'Report to the referring body',
  'clock.suspension_notice': 'Notice of suspension',
  'clock.escalation_report': 'Report to the superior body',
  'clock.result_report': 'Report on the result',

  'status.received': 'Received',
  'status.accepted': 'Accepted',
  'status.verifying': 'Being verified',
  'status.suspended': 'Suspended',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'status.not_accepted': 'Not accepted',
  'status.transferred': 'Transferred',
  'status.guided': 'Guided',
  'status.filed': 'Filed without action',
  'status.withdrawn': 'Withdrawn',
  'status.duplicate': 'Duplicate',

  'event.submitted': 'Petition sent',
  'event.accepted': 'Accepted',
  'event.refused': 'Not accepted',
  'event.transferred': 'Transferred',
  'event.guided': 'Guidance given',
  'event.filed': 'Filed without action',
  'event.extended': 'Time limit extended',
  'event.suspended': 'Suspended',
  'event.resumed': 'Resumed',
  'event.verification_started': 'Verification started',
  'event.resolved': 'Resolved',
  'event.closed': 'Closed',
  'event.withdrawn': 'Withdrawn',
  'event.supplement_added': 'Information added',
  'event.marked_duplicate': 'Marked as a duplicate',
  'event.rerouted': 'Sent to another handler',
  'event.escalated': 'Escalated to the superior body',

  'notFound.title': 'Page not found',
  'notFound.text': 'The address you opened does not exist or has changed.',
  'error.title': 'Something went wrong',
  'error.text': 'The system has a problem. Please try again in a few minutes.',
  'error.home': 'Go to the home page',
}
