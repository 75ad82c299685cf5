// The mails of the notification kinds (notification-kinds.ts), in nl, fr and en: a subject and plain
// paragraphs each; mail-templates.ts lays them out (text and HTML, with the link to the object).
import type { NotificationKind } from './notification-kinds.ts'
import type { Template } from './mail-templates.ts'
import type { Locale } from './schema.ts'

/** 2026-03-01 → 01/03/2026 (Belgian usage in all three languages). */
const day = (iso: string): string => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1')

export const NOTIFICATION_TEMPLATES: { [K in NotificationKind]: Record<Locale, Template<K>> } = {
  'agreement.approval_requested': {
    nl: (p) => ({
      subject: `Overeenkomst ter goedkeuring: ${p.title}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De overeenkomst "${p.title}" staat ter goedkeuring. Uw zone is partij: leg de beslissing van uw raad vast in Verbond.`,
      ],
    }),
    fr: (p) => ({
      subject: `Accord soumis à approbation : ${p.title}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `L’accord « ${p.title} » est soumis à approbation. Votre zone y est partie : enregistrez la décision de votre conseil dans Verbond.`,
      ],
    }),
    en: (p) => ({
      subject: `Agreement up for approval: ${p.title}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `The agreement "${p.title}" is up for approval. Your zone is a party: record your council's decision in Verbond.`,
      ],
    }),
  },
  'agreement.in_force': {
    nl: (p) => ({
      subject: `Overeenkomst in werking: ${p.title}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De overeenkomst "${p.title}" is in werking, met ingang van ${day(p.effectiveFrom)}.`,
      ],
    }),
    fr: (p) => ({
      subject: `Accord en vigueur : ${p.title}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `L’accord « ${p.title} » est en vigueur à partir du ${day(p.effectiveFrom)}.`,
      ],
    }),
    en: (p) => ({
      subject: `Agreement in force: ${p.title}`,
      paragraphs: [`Dear ${p.recipientName},`, `The agreement "${p.title}" is in force from ${day(p.effectiveFrom)}.`],
    }),
  },
  'agreement.ended': {
    nl: (p) => ({
      subject: `Overeenkomst beëindigd: ${p.title}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De overeenkomst "${p.title}" is beëindigd; de laatste dag is ${day(p.effectiveTo)}.`,
      ],
    }),
    fr: (p) => ({
      subject: `Accord terminé : ${p.title}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `L’accord « ${p.title} » a pris fin ; son dernier jour est le ${day(p.effectiveTo)}.`,
      ],
    }),
    en: (p) => ({
      subject: `Agreement ended: ${p.title}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `The agreement "${p.title}" has ended; its last day is ${day(p.effectiveTo)}.`,
      ],
    }),
  },
  'agreement.approvals_voided': {
    nl: (p) => ({
      subject: `Goedkeuring vervallen: ${p.title}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De inhoud van de overeenkomst "${p.title}" is gewijzigd. De goedkeuring van uw zone geldt niet voor de nieuwe inhoud: leg een nieuwe beslissing vast.`,
      ],
    }),
    fr: (p) => ({
      subject: `Approbation caduque : ${p.title}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Le contenu de l’accord « ${p.title} » a changé. L’approbation de votre zone ne vaut pas pour le nouveau contenu : enregistrez une nouvelle décision.`,
      ],
    }),
    en: (p) => ({
      subject: `Approval void: ${p.title}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `The content of the agreement "${p.title}" changed. Your zone's approval does not cover the new content: record a new decision.`,
      ],
    }),
  },
  // availability (issue 8)
  'availability.entered_for_you': {
    nl: (p) => ({
      subject: `${p.enteredBy} gaf een afwezigheid voor u in`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.enteredBy} heeft voor u een afwezigheid ingegeven van ${day(p.from)} tot en met ${day(p.to)}.`,
        'Klopt dit niet? Neem contact op met uw planner.',
      ],
    }),
    fr: (p) => ({
      subject: `${p.enteredBy} a encodé une indisponibilité pour vous`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.enteredBy} a encodé pour vous une indisponibilité du ${day(p.from)} au ${day(p.to)} inclus.`,
        'Une erreur ? Contactez votre planificateur.',
      ],
    }),
    en: (p) => ({
      subject: `${p.enteredBy} entered an absence for you`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.enteredBy} entered an absence for you from ${day(p.from)} to ${day(p.to)} inclusive.`,
        'Not right? Contact your planner.',
      ],
    }),
  },
  // permanences (issue 8, perm-core)
  'roster.duties_changed': {
    nl: (p) => ({
      subject: `Uw wachtdiensten zijn gewijzigd: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `Het rooster van de permanentie "${p.rotation}" werd gewijzigd: ${p.count} shift(s) van u zijn nieuw of vervallen. Bekijk uw wachtdiensten in Verbond.`,
      ],
    }),
    fr: (p) => ({
      subject: `Vos gardes ont changé : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Le planning de la permanence « ${p.rotation} » a été modifié : ${p.count} prestation(s) vous concernant sont nouvelles ou supprimées. Consultez vos gardes dans Verbond.`,
      ],
    }),
    en: (p) => ({
      subject: `Your duties changed: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `The roster of the rotation "${p.rotation}" changed: ${p.count} of your slots are new or removed. See your duties in Verbond.`,
      ],
    }),
  },
  // swaps (issue 8)
  'swap.offered': {
    nl: (p) => ({
      subject: `Een wachtdienst om over te nemen: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.requester} biedt de wachtdienst "${p.rotation}" vanaf ${p.from} aan. U kunt hem overnemen in Verbond, onder Mijn diensten.`,
      ],
    }),
    fr: (p) => ({
      subject: `Une garde à reprendre : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.requester} propose la garde « ${p.rotation} » à partir du ${p.from}. Vous pouvez la reprendre dans Verbond, sous Mes gardes.`,
      ],
    }),
    en: (p) => ({
      subject: `A duty to take over: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.requester} offers the duty "${p.rotation}" from ${p.from}. You can take it in Verbond, under My duties.`,
      ],
    }),
  },
  'swap.taken': {
    nl: (p) => ({
      subject: `Uw wachtdienst werd overgenomen: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.taker} neemt uw wachtdienst "${p.rotation}" vanaf ${p.from} over. De planner(s) moeten dit nog goedkeuren.`,
      ],
    }),
    fr: (p) => ({
      subject: `Votre garde a été reprise : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.taker} reprend votre garde « ${p.rotation} » à partir du ${p.from}. Le ou les planificateurs doivent encore approuver.`,
      ],
    }),
    en: (p) => ({
      subject: `Your duty was taken: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.taker} takes your duty "${p.rotation}" from ${p.from}. The planner(s) still have to approve.`,
      ],
    }),
  },
  'swap.approval_needed': {
    nl: (p) => ({
      subject: `Goedkeuring gevraagd: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.taker} neemt de wachtdienst "${p.rotation}" vanaf ${p.from} over van ${p.requester}. Keur dit goed of weiger het in Verbond, onder Mijn diensten.`,
      ],
    }),
    fr: (p) => ({
      subject: `Approbation demandée : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.taker} reprend la garde « ${p.rotation} » à partir du ${p.from} de ${p.requester}. Approuvez ou refusez dans Verbond, sous Mes gardes.`,
      ],
    }),
    en: (p) => ({
      subject: `Approval requested: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.taker} takes the duty "${p.rotation}" from ${p.from} over from ${p.requester}. Approve or reject it in Verbond, under My duties.`,
      ],
    }),
  },
  'swap.approved': {
    nl: (p) => ({
      subject: `Goedgekeurd: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De overname van de wachtdienst "${p.rotation}" vanaf ${p.from} werd goedgekeurd. Het rooster is aangepast.`,
      ],
    }),
    fr: (p) => ({
      subject: `Approuvé : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `La reprise de la garde « ${p.rotation} » à partir du ${p.from} a été approuvée. Le planning est adapté.`,
      ],
    }),
    en: (p) => ({
      subject: `Approved: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `Taking over the duty "${p.rotation}" from ${p.from} was approved. The roster has changed.`,
      ],
    }),
  },
  'swap.rejected': {
    nl: (p) => ({
      subject: `Geweigerd: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De overname van de wachtdienst "${p.rotation}" vanaf ${p.from} werd geweigerd. Het rooster blijft ongewijzigd.`,
      ],
    }),
    fr: (p) => ({
      subject: `Refusé : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `La reprise de la garde « ${p.rotation} » à partir du ${p.from} a été refusée. Le planning reste inchangé.`,
      ],
    }),
    en: (p) => ({
      subject: `Rejected: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `Taking over the duty "${p.rotation}" from ${p.from} was rejected. The roster stays as it was.`,
      ],
    }),
  },
  'replacement.needed': {
    nl: (p) => ({
      subject: `Vervanging nodig: ${p.rotation}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.person} is afwezig tijdens de wachtdienst "${p.rotation}" vanaf ${p.from}. Wijs een vervanger toe in Verbond, onder Mijn diensten.`,
      ],
    }),
    fr: (p) => ({
      subject: `Remplacement nécessaire : ${p.rotation}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.person} est absent pendant la garde « ${p.rotation} » à partir du ${p.from}. Désignez un remplaçant dans Verbond, sous Mes gardes.`,
      ],
    }),
    en: (p) => ({
      subject: `Replacement needed: ${p.rotation}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.person} is absent during the duty "${p.rotation}" from ${p.from}. Assign a replacement in Verbond, under My duties.`,
      ],
    }),
  },
  // alerts (issue 9)
  'assistance.alert': {
    nl: (p) => ({
      subject: `Dringende bijstand gevraagd door ${p.zone}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.zone} vraagt dringend bijstand: ${p.place}, vanaf ${p.from}. Bevestig de ontvangst in Verbond en laat weten wat uw zone kan sturen.`,
      ],
    }),
    fr: (p) => ({
      subject: `Assistance urgente demandée par ${p.zone}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.zone} demande une assistance urgente : ${p.place}, à partir du ${p.from}. Accusez réception dans Verbond et indiquez ce que votre zone peut envoyer.`,
      ],
    }),
    en: (p) => ({
      subject: `Urgent assistance requested by ${p.zone}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.zone} requests urgent assistance: ${p.place}, from ${p.from}. Acknowledge it in Verbond and say what your zone can send.`,
      ],
    }),
  },
  'assistance.requested': {
    nl: (p) => ({
      subject: `Bijstandsaanvraag van ${p.zone}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.zone} vraagt bijstand: ${p.place}, vanaf ${p.from}. Bekijk de aanvraag in Verbond en doe een aanbod of weiger.`,
      ],
    }),
    fr: (p) => ({
      subject: `Demande d’assistance de ${p.zone}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.zone} demande une assistance : ${p.place}, à partir du ${p.from}. Consultez la demande dans Verbond et faites une offre ou refusez.`,
      ],
    }),
    en: (p) => ({
      subject: `Assistance request from ${p.zone}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.zone} requests assistance: ${p.place}, from ${p.from}. Look at the request in Verbond and make an offer or decline.`,
      ],
    }),
  },
  // assets (issue 10)
  'equipment.validity_expiring': {
    nl: (p) => ({
      subject: `Geldigheid verloopt op ${day(p.validUntil)}: ${p.asset}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `Een geldigheid (ijking, keuring, …) van ${p.asset} (${p.identifier}) verloopt op ${day(p.validUntil)}. Daarna kan het materiaal niet meer worden uitgeleend. Vernieuw ze en vul de nieuwe datum in Verbond in.`,
      ],
    }),
    fr: (p) => ({
      subject: `Validité expirant le ${day(p.validUntil)} : ${p.asset}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Une validité (étalonnage, contrôle, …) de ${p.asset} (${p.identifier}) expire le ${day(p.validUntil)}. Ensuite, le matériel ne pourra plus être prêté. Renouvelez-la et indiquez la nouvelle date dans Verbond.`,
      ],
    }),
    en: (p) => ({
      subject: `Validity lapsing on ${day(p.validUntil)}: ${p.asset}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `A validity (calibration, inspection, …) of ${p.asset} (${p.identifier}) lapses on ${day(p.validUntil)}. From then on the equipment cannot be lent. Renew it and enter the new date in Verbond.`,
      ],
    }),
  },
  // bookings (issue 10)
  'equipment.booking_requested': {
    nl: (p) => ({
      subject: `Reservatieaanvraag van ${p.zone}: ${p.asset}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.zone} wil ${p.asset} lenen vanaf ${p.from}. Keur de aanvraag goed of weiger ze in Verbond.`,
      ],
    }),
    fr: (p) => ({
      subject: `Demande de réservation de ${p.zone} : ${p.asset}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.zone} souhaite emprunter ${p.asset} à partir du ${p.from}. Approuvez ou refusez la demande dans Verbond.`,
      ],
    }),
    en: (p) => ({
      subject: `Booking request from ${p.zone}: ${p.asset}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.zone} wants to borrow ${p.asset} from ${p.from}. Approve or reject the request in Verbond.`,
      ],
    }),
  },
  'equipment.booking_decided': {
    nl: (p) => ({
      subject: `Beslissing over uw reservatie: ${p.asset}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `De uitlenende zone heeft beslist over uw reservatie van ${p.asset} vanaf ${p.from}. Open de reservatie in Verbond om de beslissing te zien.`,
      ],
    }),
    fr: (p) => ({
      subject: `Décision sur votre réservation : ${p.asset}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `La zone prêteuse a pris une décision sur votre réservation de ${p.asset} à partir du ${p.from}. Ouvrez la réservation dans Verbond pour la voir.`,
      ],
    }),
    en: (p) => ({
      subject: `Decision on your booking: ${p.asset}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `The lending zone decided on your booking of ${p.asset} from ${p.from}. Open the booking in Verbond to see the decision.`,
      ],
    }),
  },
  'equipment.booking_overdue': {
    nl: (p) => ({
      subject: `Niet teruggebracht: ${p.asset}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `${p.asset}, uitgeleend aan ${p.zone}, moest terug zijn op ${p.to} en is nog niet ingecheckt. Spreek een terugbrengmoment af.`,
      ],
    }),
    fr: (p) => ({
      subject: `Non restitué : ${p.asset}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `${p.asset}, prêté à ${p.zone}, devait être rendu le ${p.to} et n’a pas encore été restitué. Convenez d’un moment de retour.`,
      ],
    }),
    en: (p) => ({
      subject: `Not returned: ${p.asset}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.asset}, lent to ${p.zone}, was due back on ${p.to} and has not been checked in yet. Agree on a time to return it.`,
      ],
    }),
  },
  // training sessions (issue 11, train-sessions)
  'training.session_cancelled': {
    nl: (p) => ({
      subject: `Opleiding geannuleerd: ${p.course}`,
      paragraphs: [`Beste ${p.recipientName},`, `De sessie ${p.course} van ${p.from} werd geannuleerd: ${p.reason}`],
    }),
    fr: (p) => ({
      subject: `Formation annulée : ${p.course}`,
      paragraphs: [`Bonjour ${p.recipientName},`, `La session ${p.course} du ${p.from} a été annulée : ${p.reason}`],
    }),
    en: (p) => ({
      subject: `Training cancelled: ${p.course}`,
      paragraphs: [`Dear ${p.recipientName},`, `The session ${p.course} of ${p.from} was cancelled: ${p.reason}`],
    }),
  },
  // training enrolments (issue 11, train-enrol)
  'training.enrolled': {
    nl: (p) => ({
      subject: `Ingeschreven: ${p.course}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `U bent ingeschreven voor ${p.course} op ${p.from}. Kunt u niet? Annuleer tijdig in Verbond.`,
      ],
    }),
    fr: (p) => ({
      subject: `Inscrit : ${p.course}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Vous êtes inscrit à ${p.course} le ${p.from}. Empêché ? Annulez à temps dans Verbond.`,
      ],
    }),
    en: (p) => ({
      subject: `Enrolled: ${p.course}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `You are enrolled in ${p.course} on ${p.from}. Can't make it? Cancel in time in Verbond.`,
      ],
    }),
  },
  'training.waitlisted': {
    nl: (p) => ({
      subject: `Wachtlijst: ${p.course}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `Voor ${p.course} op ${p.from} is er geen vrije plaats voor uw zone: u staat op de wachtlijst, plaats ${p.position}. Komt er een plaats vrij, dan schuift u automatisch door.`,
      ],
    }),
    fr: (p) => ({
      subject: `Liste d’attente : ${p.course}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Pour ${p.course} le ${p.from}, il n’y a plus de place pour votre zone : vous êtes sur la liste d’attente, position ${p.position}. Si une place se libère, vous passez automatiquement.`,
      ],
    }),
    en: (p) => ({
      subject: `Waiting list: ${p.course}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `${p.course} on ${p.from} has no free place for your zone: you are on the waiting list, position ${p.position}. When a place frees up, you move up automatically.`,
      ],
    }),
  },
  'training.promoted': {
    nl: (p) => ({
      subject: `Plaats vrijgekomen: ${p.course}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `Er is een plaats vrijgekomen: u bent nu ingeschreven voor ${p.course} op ${p.from}.`,
      ],
    }),
    fr: (p) => ({
      subject: `Place libérée : ${p.course}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Une place s’est libérée : vous êtes maintenant inscrit à ${p.course} le ${p.from}.`,
      ],
    }),
    en: (p) => ({
      subject: `A place freed up: ${p.course}`,
      paragraphs: [`Dear ${p.recipientName},`, `A place freed up: you are now enrolled in ${p.course} on ${p.from}.`],
    }),
  },
  'training.enrolment_cancelled': {
    nl: (p) => ({
      subject: `Inschrijving geannuleerd: ${p.course}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `Uw inschrijving voor ${p.course} op ${p.from} werd geannuleerd. Open de sessie in Verbond voor de details.`,
      ],
    }),
    fr: (p) => ({
      subject: `Inscription annulée : ${p.course}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Votre inscription à ${p.course} le ${p.from} a été annulée. Ouvrez la session dans Verbond pour les détails.`,
      ],
    }),
    en: (p) => ({
      subject: `Enrolment cancelled: ${p.course}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `Your enrolment in ${p.course} on ${p.from} was cancelled. Open the session in Verbond for the details.`,
      ],
    }),
  },
  // train-compliance (issue 11): GPI 48 reminders
  'training.compliance_due': {
    nl: (p) => ({
      subject: `GPI 48: ${p.counted} van ${p.required} sessies`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `U hebt ${p.counted} van de ${p.required} vereiste GPI 48-sessies in de voorbije twaalf maanden; u bent (of raakt op ${p.date}) achter. Schrijf u in voor een volgende sessie.`,
      ],
    }),
    fr: (p) => ({
      subject: `GPI 48 : ${p.counted} séances sur ${p.required}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Vous avez ${p.counted} des ${p.required} séances GPI 48 requises sur les douze derniers mois ; vous êtes (ou serez le ${p.date}) en retard. Inscrivez-vous à une prochaine séance.`,
      ],
    }),
    en: (p) => ({
      subject: `GPI 48: ${p.counted} of ${p.required} sessions`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `You have ${p.counted} of the ${p.required} GPI 48 sessions required over the past twelve months; you are (or will be on ${p.date}) behind. Enrol in a next session.`,
      ],
    }),
  },
  'training.qualification_expiring': {
    nl: (p) => ({
      subject: `Bekwaamheid vervalt: ${p.qualification}`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `Uw bekwaamheid ${p.qualification} vervalt op ${p.validUntil}. Schrijf u in voor een opleiding die ze hernieuwt.`,
      ],
    }),
    fr: (p) => ({
      subject: `Qualification expirant : ${p.qualification}`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Votre qualification ${p.qualification} expire le ${p.validUntil}. Inscrivez-vous à une formation qui la renouvelle.`,
      ],
    }),
    en: (p) => ({
      subject: `Qualification expiring: ${p.qualification}`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `Your qualification ${p.qualification} expires on ${p.validUntil}. Enrol in a course that renews it.`,
      ],
    }),
  },
  'training.compliance_digest': {
    nl: (p) => ({
      subject: `GPI 48-overzicht: ${p.behind} achter, ${p.dueSoon} binnenkort`,
      paragraphs: [
        `Beste ${p.recipientName},`,
        `In uw zone zijn ${p.behind} personen achter voor GPI 48 en raken er ${p.dueSoon} binnenkort achter; bij ${p.expiring} personen vervalt een bekwaamheid.`,
      ],
    }),
    fr: (p) => ({
      subject: `Aperçu GPI 48 : ${p.behind} en retard, ${p.dueSoon} bientôt`,
      paragraphs: [
        `Bonjour ${p.recipientName},`,
        `Dans votre zone, ${p.behind} personnes sont en retard pour la GPI 48 et ${p.dueSoon} le seront bientôt ; ${p.expiring} personnes ont une qualification qui expire.`,
      ],
    }),
    en: (p) => ({
      subject: `GPI 48 overview: ${p.behind} behind, ${p.dueSoon} soon`,
      paragraphs: [
        `Dear ${p.recipientName},`,
        `In your zone ${p.behind} people are behind on GPI 48 and ${p.dueSoon} will be soon; ${p.expiring} people have a qualification expiring.`,
      ],
    }),
  },
}
