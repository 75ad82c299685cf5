// The error catalogue: every error the API can answer, with a stable code, an HTTP status and a message a
// person understands, in nl, fr and en. Domain and service code throw `AppError(code)` and never think
// about HTTP; the HTTP layer maps the code to its status and message (platform/http.ts).
import type { Locale } from './schema.ts'

interface CatalogueEntry {
  status: number
  message: Record<Locale, string>
}

export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: {
      nl: 'De gegevens zijn niet geldig. Controleer de gemarkeerde velden.',
      fr: 'Les données ne sont pas valides. Vérifiez les champs indiqués.',
      en: 'The data is not valid. Check the fields listed.',
    },
  },
  MALFORMED_JSON: {
    status: 400,
    message: {
      nl: 'De inhoud van het verzoek is geen geldige JSON.',
      fr: "Le contenu de la requête n'est pas du JSON valide.",
      en: 'The request body is not valid JSON.',
    },
  },
  BODY_TOO_LARGE: {
    status: 413,
    message: {
      nl: 'Het verzoek is te groot.',
      fr: 'La requête est trop volumineuse.',
      en: 'The request is too large.',
    },
  },
  URI_TOO_LONG: {
    status: 414,
    message: {
      nl: 'Het adres (URL) is te lang.',
      fr: "L'adresse (URL) est trop longue.",
      en: 'The address (URL) is too long.',
    },
  },
  BAD_URL: {
    status: 400,
    message: {
      nl: 'Het adres (URL) is ongeldig.',
      fr: "L'adresse (URL) n'est pas valide.",
      en: 'The address (URL) is not valid.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      nl: 'Stuur de gegevens als JSON (Content-Type: application/json).',
      fr: 'Envoyez les données en JSON (Content-Type: application/json).',
      en: 'Send the data as JSON (Content-Type: application/json).',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    message: {
      nl: 'U bent niet aangemeld of uw sessie is verlopen. Meld u aan.',
      fr: "Vous n'êtes pas connecté ou votre session a expiré. Connectez-vous.",
      en: 'You are not signed in or your session has expired. Please sign in.',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: {
      nl: 'E-mailadres of wachtwoord is onjuist.',
      fr: 'Adresse e-mail ou mot de passe incorrect.',
      en: 'Email address or password is incorrect.',
    },
  },
  CSRF_FAILED: {
    status: 403,
    message: {
      nl: 'Het beveiligingstoken ontbreekt of is ongeldig. Herlaad de pagina en probeer opnieuw.',
      fr: 'Le jeton de sécurité est absent ou invalide. Rechargez la page et réessayez.',
      en: 'The security token is missing or invalid. Reload the page and try again.',
    },
  },
  FORBIDDEN: {
    status: 403,
    message: {
      nl: 'U hebt geen toestemming voor deze handeling.',
      fr: "Vous n'avez pas l'autorisation d'effectuer cette action.",
      en: 'You are not allowed to do this.',
    },
  },
  NOT_FOUND: {
    status: 404,
    message: {
      nl: 'Niet gevonden.',
      fr: 'Introuvable.',
      en: 'Not found.',
    },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: {
      nl: 'Deze API-route bestaat niet.',
      fr: "Cette route de l'API n'existe pas.",
      en: 'This API route does not exist.',
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: {
      nl: 'Deze methode is niet toegestaan op deze route.',
      fr: "Cette méthode n'est pas autorisée sur cette route.",
      en: 'This method is not allowed on this route.',
    },
  },
  CONFLICT: {
    status: 409,
    message: {
      nl: 'Dit botst met bestaande gegevens.',
      fr: 'Cela entre en conflit avec des données existantes.',
      en: 'This conflicts with existing data.',
    },
  },
  REFERENCE_NOT_FOUND: {
    status: 409,
    message: {
      nl: 'Een verwijzing in de gegevens bestaat niet (meer).',
      fr: "Une référence dans les données n'existe pas (ou plus).",
      en: 'A reference in the data does not exist (any more).',
    },
  },
  AGREEMENT_NOT_EDITABLE: {
    status: 409,
    message: {
      nl: 'Een overeenkomst kan alleen gewijzigd worden zolang ze een ontwerp is.',
      fr: "Un accord ne peut être modifié que tant qu'il est à l'état de projet.",
      en: 'An agreement can only be changed while it is a draft.',
    },
  },
  AGREEMENT_INVALID_TRANSITION: {
    status: 409,
    message: {
      nl: 'Deze statuswijziging is niet mogelijk voor deze overeenkomst.',
      fr: "Ce changement de statut n'est pas possible pour cet accord.",
      en: 'This status change is not possible for this agreement.',
    },
  },
  AGREEMENT_APPROVALS_MISSING: {
    status: 409,
    message: {
      nl: 'Niet alle partnerzones hebben de huidige inhoud van de overeenkomst goedgekeurd.',
      fr: "Toutes les zones partenaires n'ont pas approuvé le contenu actuel de l'accord.",
      en: 'Not every party zone has approved the current content of the agreement.',
    },
  },
  AGREEMENT_PARTIES_INVALID: {
    status: 422,
    message: {
      nl: 'Een overeenkomst heeft minstens twee partnerzones van de associatie nodig.',
      fr: "Un accord nécessite au moins deux zones partenaires de l'association.",
      en: 'An agreement needs at least two party zones of the association.',
    },
  },
  AGREEMENT_DATES_INVALID: {
    status: 422,
    message: {
      nl: 'De einddatum ligt vóór de begindatum.',
      fr: 'La date de fin précède la date de début.',
      en: 'The end date is before the start date.',
    },
  },
  APPROVAL_MUNICIPALITY_INVALID: {
    status: 422,
    message: {
      nl: 'Een gemeenteraad moet een gemeente van die zone zijn; andere organen hebben geen gemeente.',
      fr: "Un conseil communal doit être une commune de cette zone ; les autres organes n'ont pas de commune.",
      en: 'A gemeenteraad must be a municipality of that zone; other bodies have no municipality.',
    },
  },
  TOO_MANY_LOGIN_ATTEMPTS: {
    status: 429,
    message: {
      nl: 'Te veel mislukte aanmeldpogingen. Probeer het later opnieuw.',
      fr: 'Trop de tentatives de connexion échouées. Réessayez plus tard.',
      en: 'Too many failed sign-in attempts. Try again later.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      nl: 'Te veel verzoeken. Wacht even en probeer opnieuw.',
      fr: 'Trop de requêtes. Patientez un instant et réessayez.',
      en: 'Too many requests. Wait a moment and try again.',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: {
      nl: 'De databank is tijdelijk niet bereikbaar.',
      fr: 'La base de données est temporairement indisponible.',
      en: 'The database is temporarily unavailable.',
    },
  },
  INTERNAL: {
    status: 500,
    message: {
      nl: 'Er ging iets mis aan onze kant. De fout is gelogd.',
      fr: "Une erreur s'est produite de notre côté. Elle a été journalisée.",
      en: 'Something went wrong on our side. The error has been logged.',
    },
  },
  // hardening: errors Node's HTTP parser raises before Fastify sees a request (platform/http.ts).
  BAD_REQUEST: {
    status: 400,
    message: {
      nl: 'Het verzoek is geen geldig HTTP-verzoek.',
      fr: "La requête n'est pas une requête HTTP valide.",
      en: 'The request is not a valid HTTP request.',
    },
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    message: {
      nl: 'De kopregels van het verzoek (of het adres) zijn te groot.',
      fr: "Les en-têtes de la requête (ou l'adresse) sont trop volumineux.",
      en: 'The request headers (or the address) are too large.',
    },
  },
  REQUEST_TIMEOUT: {
    status: 408,
    message: {
      nl: 'Het verzoek kwam niet op tijd volledig aan. Probeer opnieuw.',
      fr: "La requête n'est pas arrivée complètement à temps. Réessayez.",
      en: 'The request did not arrive in full in time. Try again.',
    },
  },
  // auditpeople: the DPO's audit filters and export
  AUDIT_PERIOD_INVALID: {
    status: 400,
    message: {
      nl: 'De begindatum ligt na de einddatum.',
      fr: 'La date de début est postérieure à la date de fin.',
      en: 'The start date is after the end date.',
    },
  },
  AUDIT_EXPORT_TOO_LARGE: {
    status: 422,
    message: {
      nl: 'Te veel gebeurtenissen voor één export. Kies een kortere periode of meer filters.',
      fr: "Trop d'événements pour un seul export. Choisissez une période plus courte ou plus de filtres.",
      en: 'Too many events for one export. Choose a shorter period or more filters.',
    },
  },
  // consent: approvals bind one content; the admin records on a zone's behalf with the council decision; ending.
  AGREEMENT_PERIOD_APPROVED: {
    status: 409,
    message: {
      nl: 'De periode van de overeenkomst is mee goedgekeurd en kan bij de inwerkingtreding niet wijzigen.',
      fr: "La période de l'accord a été approuvée avec lui et ne peut pas changer à l'entrée en vigueur.",
      en: 'The period of the agreement was approved with it and cannot change when it comes into force.',
    },
  },
  AGREEMENT_STARTS_BEFORE_APPROVAL: {
    status: 409,
    message: {
      nl: 'Een overeenkomst kan niet in werking treden vóór de laatste goedkeuring.',
      fr: 'Un accord ne peut pas entrer en vigueur avant la dernière approbation.',
      en: 'An agreement cannot come into force before its last approval.',
    },
  },
  AGREEMENT_END_BACKDATED: {
    status: 422,
    message: {
      nl: 'Een einddatum in het verleden kan alleen met de verwijzing naar de beslissing van de raad.',
      fr: 'Une date de fin dans le passé exige la référence de la décision du conseil.',
      en: 'An end date in the past needs the reference of the council decision.',
    },
  },
  APPROVAL_REFERENCE_REQUIRED: {
    status: 422,
    message: {
      nl: 'Wie een beslissing namens een zone registreert, vermeldt de verwijzing naar de beslissing van de raad.',
      fr: "Qui enregistre une décision au nom d'une zone indique la référence de la décision du conseil.",
      en: "Recording a decision on a zone's behalf needs the reference of the council decision.",
    },
  },
  // accounts: own password, account management (issue 6 §4)
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: {
      nl: 'Kies eerst een nieuw wachtwoord: uw wachtwoord is eenmalig.',
      fr: "Choisissez d'abord un nouveau mot de passe : votre mot de passe est à usage unique.",
      en: 'Choose a new password first: your password is a one-time password.',
    },
  },
  PASSWORD_CURRENT_WRONG: {
    status: 422,
    message: {
      nl: 'Het huidige wachtwoord is onjuist.',
      fr: 'Le mot de passe actuel est incorrect.',
      en: 'The current password is incorrect.',
    },
  },
  PASSWORD_TOO_WEAK: {
    status: 422,
    message: {
      nl: 'Het nieuwe wachtwoord is te zwak: minstens 12 tekens, niet uw naam of e-mailadres, niet het huidige wachtwoord.',
      fr: 'Le nouveau mot de passe est trop faible : au moins 12 caractères, ni votre nom ni votre adresse e-mail, pas le mot de passe actuel.',
      en: 'The new password is too weak: at least 12 characters, not your name or e-mail address, not the current password.',
    },
  },
  ACCOUNT_EMAIL_TAKEN: {
    status: 409,
    message: {
      nl: 'Er bestaat al een account met dit e-mailadres.',
      fr: 'Un compte avec cette adresse e-mail existe déjà.',
      en: 'An account with this e-mail address already exists.',
    },
  },
  ACCOUNT_ROLE_EXISTS: {
    status: 409,
    message: {
      nl: 'Dit account heeft deze rol al in deze zone.',
      fr: 'Ce compte a déjà ce rôle dans cette zone.',
      en: 'This account already has this role in this zone.',
    },
  },
  ACCOUNT_LAST_ROLE: {
    status: 409,
    message: {
      nl: 'Een account houdt minstens één rol. Schakel het account uit in plaats van de laatste rol te verwijderen.',
      fr: 'Un compte garde au moins un rôle. Désactivez le compte plutôt que de retirer son dernier rôle.',
      en: 'An account keeps at least one role. Disable the account instead of removing its last role.',
    },
  },
  ACCOUNT_SELF_LOCKOUT: {
    status: 409,
    message: {
      nl: 'U kunt uw eigen account niet uitschakelen en uw laatste beheerdersrol niet verwijderen.',
      fr: 'Vous ne pouvez pas désactiver votre propre compte ni retirer votre dernier rôle de gestion.',
      en: 'You cannot disable your own account or remove your last managing role.',
    },
  },
  ACCOUNT_PERSON_INVALID: {
    status: 422,
    message: {
      nl: 'Koppel alleen een personeelslid van een zone die u beheert, dat nog geen account heeft.',
      fr: "Liez uniquement un membre du personnel d'une zone que vous gérez, qui n'a pas encore de compte.",
      en: 'Link only a staff member of a zone you manage who has no account yet.',
    },
  },
  // seams-db: a transaction that still collided after its retries (serialization failure, deadlock).
  TRY_AGAIN: {
    status: 503,
    message: {
      nl: 'Iemand anders wijzigde dezelfde gegevens op hetzelfde moment. Probeer opnieuw.',
      fr: "Quelqu'un d'autre a modifié les mêmes données au même moment. Réessayez.",
      en: 'Someone else changed the same data at the same moment. Try again.',
    },
  },
  // restricted data: a read needs the reader's justification (issue 7 §5)
  JUSTIFICATION_REQUIRED: {
    status: 422,
    message: {
      nl: 'Deze gegevens zijn afgeschermd. Vermeld waarom u ze raadpleegt (10 tot 500 tekens); dat wordt gelogd.',
      fr: 'Ces données sont protégées. Indiquez pourquoi vous les consultez (10 à 500 caractères) ; ce motif est journalisé.',
      en: 'This data is restricted. State why you read it (10 to 500 characters); the reason is logged.',
    },
  },
  // calendars (issue 8): iCalendar feeds
  CALENDAR_SCOPE_INVALID: {
    status: 422,
    message: {
      nl: 'Een agenda van een permanentie noemt die permanentie; een agenda van uw eigen permanenties noemt er geen.',
      fr: "Un agenda d'une permanence nomme cette permanence ; un agenda de vos propres permanences n'en nomme aucune.",
      en: 'A rotation feed names its rotation; a feed of your own duties names none.',
    },
  },
  // availability (issue 8): leave, unavailability and duty preferences
  AVAILABILITY_OVERLAP: {
    status: 409,
    message: {
      nl: 'Deze periode overlapt met een andere afwezigheid van dezelfde persoon. Pas die bestaande afwezigheid aan.',
      fr: 'Cette période chevauche une autre indisponibilité de la même personne. Modifiez plutôt celle qui existe.',
      en: 'This period overlaps another absence of the same person. Change the existing one instead.',
    },
  },
  AVAILABILITY_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'De periode is ongeldig: het einde moet na het begin liggen, en begin en einde zijn allebei datums of allebei tijdstippen.',
      fr: 'La période n’est pas valide : la fin doit suivre le début, et le début et la fin sont tous deux des dates ou tous deux des instants.',
      en: 'The period is not valid: the end must come after the start, and both are dates or both are instants.',
    },
  },
  AVAILABILITY_PERIOD_TOO_LONG: {
    status: 422,
    message: {
      nl: 'Een periode duurt hoogstens twee jaar. Splits een langere afwezigheid op.',
      fr: 'Une période dure au plus deux ans. Scindez une absence plus longue.',
      en: 'A period lasts at most two years. Split a longer absence.',
    },
  },
  AVAILABILITY_NO_PERSON: {
    status: 422,
    message: {
      nl: 'Uw account is niet gekoppeld aan een personeelslid: u kunt geen eigen afwezigheden of voorkeuren ingeven.',
      fr: 'Votre compte n’est lié à aucun membre du personnel : vous ne pouvez pas encoder vos propres absences ou préférences.',
      en: 'Your account is not linked to a staff member: you cannot enter your own absences or preferences.',
    },
  },
  // permanences (issue 8, perm-core): rotations, members, rosters, duties
  ROTATION_ZONES_INVALID: {
    status: 422,
    message: {
      nl: 'Kies minstens twee zones die vandaag lid zijn van de vereniging.',
      fr: "Choisissez au moins deux zones membres de l'association aujourd'hui.",
      en: 'Choose at least two zones that are members of the association today.',
    },
  },
  ROTATION_ZONES_NOT_SHARED: {
    status: 422,
    message: {
      nl: 'Elke zone moet met de andere partij zijn bij een akkoord dat vandaag van kracht is en dit domein vermeldt.',
      fr: "Chaque zone doit être partie, avec les autres, d'un accord en vigueur aujourd'hui qui mentionne ce domaine.",
      en: 'Every zone must be a party, with the others, of an agreement in force today that lists this domain.',
    },
  },
  ROTATION_PATTERN_INVALID: {
    status: 422,
    message: {
      nl: 'Het wachtpatroon is ongeldig: een shift eindigt vóór hij begint, of een label komt twee keer voor.',
      fr: 'Le schéma de garde est invalide : une prestation finit avant de commencer, ou un libellé est répété.',
      en: 'The shift pattern is invalid: a shift ends before it starts, or a label is used twice.',
    },
  },
  ROTATION_ZONE_KEY_INVALID: {
    status: 422,
    message: {
      nl: 'De verdeelsleutel moet een positief gewicht geven aan precies de zones van de permanentie.',
      fr: 'La clé de répartition doit donner un poids positif à exactement les zones de la permanence.',
      en: 'The zone key must give a positive weight to exactly the zones of the rotation.',
    },
  },
  ROTATION_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'De einddatum ligt vóór de begindatum.',
      fr: 'La date de fin précède la date de début.',
      en: 'The end date is before the start date.',
    },
  },
  ROTATION_NAME_TAKEN: {
    status: 409,
    message: {
      nl: 'De vereniging heeft al een permanentie met deze naam.',
      fr: "L'association a déjà une permanence portant ce nom.",
      en: 'The association already has a rotation with this name.',
    },
  },
  ROTATION_MEMBER_ZONE: {
    status: 422,
    message: {
      nl: 'Voeg alleen een personeelslid toe van uw eigen zone, die de permanentie dekt.',
      fr: 'Ajoutez uniquement un membre du personnel de votre propre zone, couverte par la permanence.',
      en: 'Add only a staff member of your own zone, which the rotation covers.',
    },
  },
  ROTATION_MEMBER_NOT_ELIGIBLE: {
    status: 422,
    message: {
      nl: 'Deze persoon heeft niet de graad of de kwalificaties die de permanentie vraagt.',
      fr: "Cette personne n'a pas le grade ou les qualifications que la permanence demande.",
      en: 'This person does not hold the rank or qualifications the rotation requires.',
    },
  },
  ROTATION_MEMBER_EXISTS: {
    status: 409,
    message: {
      nl: 'Deze persoon is in die periode al lid van de permanentie.',
      fr: 'Cette personne est déjà membre de la permanence pendant cette période.',
      en: 'This person is already a member of the rotation in that period.',
    },
  },
  ROSTER_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'Kies een periode van één dag tot één jaar.',
      fr: "Choisissez une période d'un jour à un an.",
      en: 'Choose a period from one day to one year.',
    },
  },
  ROSTER_VERSION_NOT_DRAFT: {
    status: 409,
    message: {
      nl: 'Deze roosterversie is geen ontwerp meer: ze werd al gepubliceerd of vervangen.',
      fr: "Cette version du planning n'est plus un brouillon : elle a été publiée ou remplacée.",
      en: 'This roster version is no longer a draft: it was published or replaced.',
    },
  },
  ROSTER_GENERATION_FAILED: {
    status: 503,
    message: {
      nl: 'Het rooster kon niet binnen de tijdslimiet berekend worden. Probeer een kortere periode.',
      fr: "Le planning n'a pas pu être calculé dans le délai. Essayez une période plus courte.",
      en: 'The roster could not be computed within the time limit. Try a shorter period.',
    },
  },
  ROSTER_SLOT_UNKNOWN: {
    status: 422,
    message: {
      nl: 'Deze shift of positie bestaat niet in het geldende rooster, of ligt al in het verleden.',
      fr: "Cette prestation ou position n'existe pas dans le planning en vigueur, ou est déjà passée.",
      en: 'This slot or position is not in the roster in force, or is already in the past.',
    },
  },
  ROSTER_SLOT_TAKEN: {
    status: 409,
    message: {
      nl: 'Iemand anders wijzigde deze shift op hetzelfde moment. Laad het rooster opnieuw.',
      fr: "Quelqu'un d'autre a modifié cette prestation au même moment. Rechargez le planning.",
      en: 'Someone else changed this slot at the same moment. Reload the roster.',
    },
  },
  DUTY_OVERLAP: {
    status: 409,
    message: {
      nl: 'Deze persoon heeft op dat moment al een andere wachtdienst.',
      fr: 'Cette personne a déjà une autre garde à ce moment.',
      en: 'This person already has another duty at that time.',
    },
  },
  // fairness (issue 8): the fairness report
  FAIRNESS_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'Kies een periode van één dag tot vijf jaar: de einddatum mag niet vóór de begindatum liggen.',
      fr: "Choisissez une période d'un jour à cinq ans : la date de fin ne peut précéder la date de début.",
      en: 'Choose a period from one day to five years: the end date cannot be before the start date.',
    },
  },
  // swaps (issue 8)
  SWAP_DUTY_NOT_OPEN: {
    status: 422,
    message: {
      nl: 'Deze wachtdienst kan niet meer worden afgestaan: hij is al begonnen of niet meer van kracht.',
      fr: "Cette garde ne peut plus être cédée : elle a déjà commencé ou n'est plus en vigueur.",
      en: 'This duty can no longer be given away: it has started or is no longer in force.',
    },
  },
  SWAP_ALREADY_REQUESTED: {
    status: 409,
    message: {
      nl: 'Voor deze wachtdienst loopt al een aanvraag.',
      fr: 'Une demande est déjà en cours pour cette garde.',
      en: 'There is already a request for this duty.',
    },
  },
  SWAP_STATE_CONFLICT: {
    status: 409,
    message: {
      nl: 'Deze aanvraag is intussen gewijzigd (overgenomen, goedgekeurd, geweigerd of ingetrokken). Laad de pagina opnieuw.',
      fr: 'Cette demande a changé entre-temps (reprise, approuvée, refusée ou retirée). Rechargez la page.',
      en: 'This request has changed meanwhile (taken, approved, rejected or withdrawn). Reload the page.',
    },
  },
  SWAP_EXPIRED: {
    status: 409,
    message: {
      nl: 'Deze aanvraag is verlopen: de wachtdienst is al begonnen.',
      fr: 'Cette demande a expiré : la garde a déjà commencé.',
      en: 'This request has expired: the duty has already started.',
    },
  },
  SWAP_NOT_ELIGIBLE: {
    status: 422,
    message: {
      nl: 'Deze persoon kan de wachtdienst niet overnemen (kwalificatie, rusttijden, afwezigheid of een andere dienst).',
      fr: 'Cette personne ne peut pas reprendre la garde (qualification, repos, absence ou autre garde).',
      en: 'This person cannot take the duty (qualification, rest rules, absence or another duty).',
    },
  },
  SWAP_RETURN_DUTY_INVALID: {
    status: 422,
    message: {
      nl: 'Kies voor een ruil een van uw eigen toekomstige wachtdiensten die de aanvrager kan overnemen.',
      fr: 'Pour un échange, choisissez une de vos gardes futures que le demandeur peut reprendre.',
      en: 'For a swap, choose one of your own future duties that the requester can take.',
    },
  },
  SWAP_STALE: {
    status: 409,
    message: {
      nl: 'Het rooster is intussen gewijzigd: de wachtdienst van deze aanvraag is niet meer van kracht.',
      fr: "Le planning a changé entre-temps : la garde de cette demande n'est plus en vigueur.",
      en: 'The roster has changed meanwhile: the duty of this request is no longer in force.',
    },
  },
  SWAP_ALREADY_APPROVED: {
    status: 409,
    message: {
      nl: 'Uw zone heeft deze aanvraag al goedgekeurd.',
      fr: 'Votre zone a déjà approuvé cette demande.',
      en: 'Your zone has already approved this request.',
    },
  },
  // callouts (issue 8): call-outs (wachtoproep) and the monthly payroll statement
  CALLOUT_NO_PERSON: {
    status: 422,
    message: {
      nl: 'Uw account is niet gekoppeld aan een personeelslid: u kunt geen eigen wachtoproepen ingeven.',
      fr: 'Votre compte n’est lié à aucun membre du personnel : vous ne pouvez pas encoder vos propres rappels.',
      en: 'Your account is not linked to a staff member: you cannot enter your own call-outs.',
    },
  },
  CALLOUT_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'Het einde van de oproep moet na het begin liggen, en een oproep duurt hoogstens 24 uur.',
      fr: 'La fin du rappel doit suivre le début, et un rappel dure au plus 24 heures.',
      en: 'The end of the call-out must come after its start, and a call-out lasts at most 24 hours.',
    },
  },
  CALLOUT_IN_FUTURE: {
    status: 422,
    message: {
      nl: 'Een oproep kan pas ingegeven worden nadat hij begonnen is.',
      fr: 'Un rappel ne peut être encodé qu’une fois commencé.',
      en: 'A call-out can only be entered once it has started.',
    },
  },
  CALLOUT_NOT_IN_DUTY: {
    status: 422,
    message: {
      nl: 'Het begin van de oproep valt niet binnen een wachtdienst (bereikbaar en terugroepbaar) van deze persoon.',
      fr: 'Le début du rappel ne tombe pas dans une permanence (joignable et rappelable) de cette personne.',
      en: 'The start of the call-out does not fall within an on-call duty of this person.',
    },
  },
  CALLOUT_OVERLAP: {
    status: 409,
    message: {
      nl: 'Deze oproep overlapt met een andere oproep van dezelfde persoon. Pas die bestaande oproep aan.',
      fr: 'Ce rappel chevauche un autre rappel de la même personne. Modifiez plutôt celui qui existe.',
      en: 'This call-out overlaps another call-out of the same person. Change the existing one instead.',
    },
  },
  CALLOUT_LOCKED: {
    status: 409,
    message: {
      nl: 'De maandstaat van deze maand is goedgekeurd: de oproepen liggen vast. De planner kan de staat heropenen.',
      fr: 'L’état mensuel de ce mois est approuvé : les rappels sont verrouillés. Le planificateur peut le rouvrir.',
      en: "This month's statement is approved: its call-outs are locked. The planner can reopen it.",
    },
  },
  STATEMENT_ALREADY_APPROVED: {
    status: 409,
    message: {
      nl: 'De maandstaat is al goedgekeurd.',
      fr: 'L’état mensuel est déjà approuvé.',
      en: 'The monthly statement is already approved.',
    },
  },
  STATEMENT_NOT_APPROVED: {
    status: 409,
    message: {
      nl: 'De maandstaat is niet goedgekeurd: er valt niets te heropenen.',
      fr: 'L’état mensuel n’est pas approuvé : il n’y a rien à rouvrir.',
      en: 'The monthly statement is not approved: there is nothing to reopen.',
    },
  },
  STATEMENT_MONTH_NOT_STARTED: {
    status: 422,
    message: {
      nl: 'Een maandstaat kan pas goedgekeurd worden vanaf de eerste dag van die maand.',
      fr: 'Un état mensuel ne peut être approuvé qu’à partir du premier jour de ce mois.',
      en: 'A monthly statement can be approved only from the first day of its month.',
    },
  },
  // assistance (issue 9): mutual assistance requests, offers, deployments, the person-hours ledger
  ASSISTANCE_CATEGORY_UNKNOWN: {
    status: 422,
    message: {
      nl: 'Kies een soort bijstand uit de lijst.',
      fr: 'Choisissez un type d’assistance dans la liste.',
      en: 'Choose a kind of assistance from the list.',
    },
  },
  ASSISTANCE_WINDOW_INVALID: {
    status: 422,
    message: {
      nl: 'Het einde moet na het begin liggen, een aanvraag duurt hoogstens 31 dagen, en een geplande aanvraag ligt in de toekomst.',
      fr: 'La fin doit suivre le début, une demande dure au plus 31 jours, et une demande planifiée se situe dans le futur.',
      en: 'The end must come after the start, a request spans at most 31 days, and a planned request lies in the future.',
    },
  },
  ASSISTANCE_LINES_EMPTY: {
    status: 422,
    message: {
      nl: 'Vraag ten minste één capaciteit (bijvoorbeeld 2 × inspecteur).',
      fr: 'Demandez au moins une capacité (par exemple 2 × inspecteur).',
      en: 'Ask for at least one capability (for example 2 × inspecteur).',
    },
  },
  ASSISTANCE_CAPABILITY_UNKNOWN: {
    status: 422,
    message: {
      nl: 'Deze capaciteit staat niet in de catalogus.',
      fr: 'Cette capacité ne figure pas dans le catalogue.',
      en: 'This capability is not in the catalogue.',
    },
  },
  ASSISTANCE_COUNT_INVALID: {
    status: 422,
    message: {
      nl: 'Het aantal moet een geheel getal van 1 tot 500 zijn.',
      fr: 'Le nombre doit être un entier de 1 à 500.',
      en: 'The count must be a whole number from 1 to 500.',
    },
  },
  ASSISTANCE_LINE_DUPLICATE: {
    status: 422,
    message: {
      nl: 'Deze capaciteit staat twee keer in de aanvraag: tel de aantallen samen op één lijn.',
      fr: 'Cette capacité figure deux fois dans la demande : additionnez les nombres sur une seule ligne.',
      en: 'This capability is listed twice: add the counts up on one line.',
    },
  },
  ASSISTANCE_TRANSITION_INVALID: {
    status: 409,
    message: {
      nl: 'Deze stap kan niet in de huidige toestand van de aanvraag. Vernieuw de pagina om de laatste toestand te zien.',
      fr: 'Cette étape n’est pas possible dans l’état actuel de la demande. Actualisez la page pour voir le dernier état.',
      en: "This step is not possible in the request's current state. Refresh the page to see its latest state.",
    },
  },
  ASSISTANCE_HOURS_UNCONFIRMED: {
    status: 409,
    message: {
      nl: 'De aanvraag kan pas afgesloten worden als de uren van elke ingezette persoon door beide zones bevestigd zijn.',
      fr: 'La demande ne peut être clôturée qu’une fois les heures de chaque personne engagée confirmées par les deux zones.',
      en: 'The request can only be closed once the hours of every deployed person are confirmed by both zones.',
    },
  },
  ASSISTANCE_NOT_PARTNER: {
    status: 422,
    message: {
      nl: 'Deze zone is geen partner met een overeenkomst van kracht voor onderlinge bijstand.',
      fr: 'Cette zone n’est pas partenaire par une convention en vigueur pour l’assistance mutuelle.',
      en: 'This zone is not a partner under an agreement in force for mutual assistance.',
    },
  },
  ASSISTANCE_NO_PARTNERS: {
    status: 422,
    message: {
      nl: 'Uw zone heeft geen partnerzones met een overeenkomst van kracht voor onderlinge bijstand.',
      fr: 'Votre zone n’a aucune zone partenaire par une convention en vigueur pour l’assistance mutuelle.',
      en: 'Your zone has no partner zones under an agreement in force for mutual assistance.',
    },
  },
  ASSISTANCE_ASSOCIATION_REQUIRED: {
    status: 422,
    message: {
      nl: 'Uw zone werkt samen in meer dan één samenwerkingsverband: kies er één.',
      fr: 'Votre zone coopère dans plus d’une association : choisissez-en une.',
      en: 'Your zone cooperates in more than one association: choose one.',
    },
  },
  ASSISTANCE_IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: {
      nl: 'Deze aanvraag werd al verstuurd met andere gegevens. Open een nieuw formulier.',
      fr: 'Cette demande a déjà été envoyée avec d’autres données. Ouvrez un nouveau formulaire.',
      en: 'This request was already sent with other data. Open a new form.',
    },
  },
  ASSISTANCE_OFFER_PERSON_INVALID: {
    status: 422,
    message: {
      nl: 'Bied alleen operationele personeelsleden van uw eigen zone aan, elk één keer.',
      fr: 'N’offrez que des membres opérationnels de votre propre zone, chacun une seule fois.',
      en: 'Offer only operational staff of your own zone, each once.',
    },
  },
  ASSISTANCE_OFFER_LINE_DECIDED: {
    status: 409,
    message: {
      nl: 'Over deze lijn van het aanbod is al beslist.',
      fr: 'Il a déjà été statué sur cette ligne de l’offre.',
      en: 'This line of the offer has already been decided.',
    },
  },
  ASSISTANCE_DEPLOYMENT_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'Het einde van de inzet moet na het begin liggen, een inzet duurt hoogstens 24 uur en ligt niet in de toekomst.',
      fr: 'La fin de l’engagement doit suivre le début, un engagement dure au plus 24 heures et ne se situe pas dans le futur.',
      en: 'The end of the deployment must come after its start, a deployment lasts at most 24 hours and is not in the future.',
    },
  },
  ASSISTANCE_DEPLOYMENT_OVERLAP: {
    status: 409,
    message: {
      nl: 'Deze persoon is in die periode al op een andere bijstand ingezet.',
      fr: 'Cette personne est déjà engagée sur une autre assistance pendant cette période.',
      en: 'This person is already deployed on another assistance request during that period.',
    },
  },
  ASSISTANCE_DEPLOYMENT_DUPLICATE: {
    status: 409,
    message: {
      nl: 'Deze persoon is al ingezet op deze aanvraag.',
      fr: 'Cette personne est déjà engagée sur cette demande.',
      en: 'This person is already deployed on this request.',
    },
  },
  ASSISTANCE_NO_HOURS: {
    status: 409,
    message: {
      nl: 'Er zijn nog geen uren ingegeven om te bevestigen.',
      fr: 'Aucune heure n’a encore été encodée à confirmer.',
      en: 'No hours have been entered yet to confirm.',
    },
  },
  ASSISTANCE_LOCKED: {
    status: 409,
    message: {
      nl: 'De aanvraag is afgesloten: de inzet en de uren liggen vast.',
      fr: 'La demande est clôturée : les engagements et les heures sont verrouillés.',
      en: 'The request is closed: its deployments and hours are locked.',
    },
  },
  ASSISTANCE_RATE_INVALID: {
    status: 422,
    message: {
      nl: 'Een tarief is groter dan 0 en hoogstens 10, de toeslagen liggen tussen 0 en 10, en de periode begint vóór ze eindigt.',
      fr: 'Un taux est supérieur à 0 et au plus 10, les suppléments sont entre 0 et 10, et la période commence avant de finir.',
      en: 'A rate is above 0 and at most 10, the extras lie between 0 and 10, and the period starts before it ends.',
    },
  },
  ASSISTANCE_RATE_OVERLAP: {
    status: 409,
    message: {
      nl: 'Voor deze soort bijstand geldt in die periode al een tarief.',
      fr: 'Un taux s’applique déjà à ce type d’assistance pendant cette période.',
      en: 'A rate already applies to this kind of assistance in that period.',
    },
  },
  ASSISTANCE_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'Kies een periode waarvan het begin vóór het einde ligt, van hoogstens tien jaar.',
      fr: 'Choisissez une période dont le début précède la fin, de dix ans au plus.',
      en: 'Choose a period whose start comes before its end, of at most ten years.',
    },
  },
  ASSISTANCE_SETTLEMENT_NO_RATE: {
    status: 422,
    message: {
      nl: 'Er is geen uurtarief in euro afgesproken: vereffen in uren, of stel eerst het uurtarief in.',
      fr: 'Aucun taux horaire en euros n’a été convenu : réglez en heures, ou fixez d’abord le taux horaire.',
      en: 'No hourly rate in euros has been agreed: settle in hours, or set the hourly rate first.',
    },
  },
  ASSISTANCE_SETTLEMENT_ORDER: {
    status: 409,
    message: {
      nl: 'Er is al een vereffening tot die datum of later: een nieuwe vereffening sluit aan op de laatste.',
      fr: 'Un règlement existe déjà jusqu’à cette date ou plus tard : un nouveau règlement fait suite au dernier.',
      en: 'A settlement up to that date or later already exists: a new settlement follows the last one.',
    },
  },
  // alerts (issue 9)
  ASSISTANCE_ZONE_REQUIRED: {
    status: 422,
    message: {
      nl: 'De aanvraag is gericht aan meer dan één van uw zones: kies voor welke zone u antwoordt.',
      fr: 'La demande s’adresse à plusieurs de vos zones : choisissez la zone pour laquelle vous répondez.',
      en: 'The request is addressed to more than one of your zones: choose the zone you answer for.',
    },
  },
  // lead (issue 9)
  ASSISTANCE_DEPLOYMENT_POSTED: {
    status: 409,
    message: {
      nl: 'De uren van deze inzet werden al in de urenbalans geboekt: verbeter de uren in plaats van de inzet te verwijderen.',
      fr: 'Les heures de cet engagement ont déjà été comptabilisées : corrigez les heures au lieu de supprimer l’engagement.',
      en: 'The hours of this deployment are already in the ledger: correct the hours instead of removing the deployment.',
    },
  },
  // lead (issue 10): equipment and investments
  BOOKING_CONFLICT: {
    status: 409,
    message: {
      nl: 'Dit materiaal is in die periode al gereserveerd. Kies een andere periode of ander materiaal.',
      fr: 'Ce matériel est déjà réservé pendant cette période. Choisissez une autre période ou un autre matériel.',
      en: 'This equipment is already booked in that period. Choose another period or other equipment.',
    },
  },
  BOOKING_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'De periode is niet geldig: het einde moet na het begin liggen, en een reservatie duurt hoogstens een jaar.',
      fr: 'La période n’est pas valide : la fin doit suivre le début, et une réservation dure au plus un an.',
      en: 'The period is not valid: the end must come after the start, and a booking lasts at most a year.',
    },
  },
  ASSET_NOT_LENDABLE: {
    status: 409,
    message: {
      nl: 'Dit materiaal kan nu niet worden uitgeleend: het is niet beschikbaar, buiten dienst of een geldigheid (keuring, ijking) is verlopen.',
      fr: 'Ce matériel ne peut pas être prêté : il n’est pas disponible, hors service, ou une validité (contrôle, étalonnage) est expirée.',
      en: 'This equipment cannot be lent now: it is not available, out of service, or a validity (inspection, calibration) has lapsed.',
    },
  },
  ASSET_IDENTIFIER_TAKEN: {
    status: 409,
    message: {
      nl: 'Uw zone heeft al materiaal van deze soort met dit kenmerk (nummerplaat, serienummer, wapennummer).',
      fr: 'Votre zone a déjà du matériel de ce type avec cet identifiant (plaque, numéro de série, numéro d’arme).',
      en: 'Your zone already has equipment of this kind with this identifier (plate, serial or weapon number).',
    },
  },
  BOOKING_TRANSITION_INVALID: {
    status: 409,
    message: {
      nl: 'Deze stap kan niet in de huidige toestand van de reservatie.',
      fr: 'Cette étape n’est pas possible dans l’état actuel de la réservation.',
      en: 'This step is not possible in the booking’s current state.',
    },
  },
  BOOKING_IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: {
      nl: 'Deze reservatie werd al verstuurd met andere gegevens. Vernieuw het formulier en probeer opnieuw.',
      fr: 'Cette réservation a déjà été envoyée avec d’autres données. Rechargez le formulaire et réessayez.',
      en: 'This booking was already sent with different data. Reload the form and try again.',
    },
  },
  CUSTODY_CONFLICT: {
    status: 409,
    message: {
      nl: 'Dit wapen heeft op dat ogenblik al een andere houder. De bewaarketen moet sluitend blijven.',
      fr: 'Cette arme a déjà un autre détenteur à ce moment. La chaîne de garde doit rester continue.',
      en: 'This weapon already has another holder at that moment. The chain of custody must stay unbroken.',
    },
  },
  COST_KEY_OVERLAP: {
    status: 409,
    message: {
      nl: 'Er geldt al een verdeelsleutel voor deze investering in (een deel van) die periode.',
      fr: 'Une clé de répartition s’applique déjà à cet investissement pendant (une partie de) cette période.',
      en: 'A cost key already applies to this investment in (part of) that period.',
    },
  },
  SETTLEMENT_PERIOD_TAKEN: {
    status: 409,
    message: {
      nl: 'Voor (een deel van) deze periode werd al een afrekening vastgelegd.',
      fr: 'Un décompte a déjà été arrêté pour (une partie de) cette période.',
      en: 'A settlement was already recorded for (part of) this period.',
    },
  },
  // assets (issue 10)
  ASSET_SEARCH_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'Geef een begin en een einde op, het einde na het begin. Het overzicht beslaat hoogstens 62 dagen, een zoekopdracht hoogstens een jaar.',
      fr: 'Indiquez un début et une fin, la fin après le début. Le planning couvre au plus 62 jours, une recherche au plus un an.',
      en: 'Give a start and an end, the end after the start. The timeline covers at most 62 days, a search at most a year.',
    },
  },
  ASSET_INVESTMENT_INVALID: {
    status: 422,
    message: {
      nl: 'Deze investering bestaat niet of uw zone is er geen partij van: het materiaal kan er niet aan gekoppeld worden.',
      fr: 'Cet investissement n’existe pas ou votre zone n’y est pas partie : le matériel ne peut pas y être lié.',
      en: 'This investment does not exist or your zone is not a party to it: the equipment cannot be linked to it.',
    },
  },
  ASSET_VALIDITY_DUPLICATE: {
    status: 422,
    message: {
      nl: 'Elke soort geldigheid (ijking, keuring, …) kan maar één keer worden opgegeven.',
      fr: 'Chaque type de validité (étalonnage, contrôle, …) ne peut être indiqué qu’une fois.',
      en: 'Each kind of validity (calibration, inspection, …) can be given only once.',
    },
  },
  // bookings (issue 10)
  HANDOVER_PERSON_INVALID: {
    status: 422,
    message: {
      nl: 'Kies wie overhandigt en wie ontvangt: een persoon van de uitlenende zone en een persoon van de ontlenende zone (de ophaler of iemand die u mag zien), twee verschillende mensen.',
      fr: 'Choisissez qui remet et qui reçoit : une personne de la zone prêteuse et une personne de la zone emprunteuse (la personne qui vient chercher le matériel ou une personne que vous pouvez voir), deux personnes différentes.',
      en: 'Choose who hands over and who receives: a person of the lending zone and a person of the borrowing zone (the collector or someone you may see), two different people.',
    },
  },
  HANDOVER_DAMAGE_NOTE_REQUIRED: {
    status: 422,
    message: {
      nl: 'Beschrijf de schade: bij een beschadigd toestel is een opmerking verplicht.',
      fr: 'Décrivez les dégâts : une note est obligatoire pour du matériel endommagé.',
      en: 'Describe the damage: a note is required when the equipment is damaged.',
    },
  },
  HANDOVER_COUNTER_BACKWARDS: {
    status: 422,
    message: {
      nl: 'De kilometerstand of teller kan niet lager zijn dan de laatst gekende stand.',
      fr: 'Le kilométrage ou le compteur ne peut pas être inférieur au dernier relevé connu.',
      en: 'The odometer or counter cannot be lower than the last known reading.',
    },
  },
  // investments (issue 10)
  COST_KEY_INVALID: {
    status: 422,
    message: {
      nl: 'De verdeelsleutel klopt niet: vul voor elke deelnemende zone de gevraagde gegevens in (inwoners, VTE of percentages die samen 100 maken).',
      fr: 'La clé de répartition n’est pas correcte : complétez pour chaque zone participante les données demandées (habitants, ETP ou pourcentages totalisant 100).',
      en: 'The cost key is not valid: fill in the data asked for every party zone (population, FTE, or percentages adding up to 100).',
    },
  },
  COST_KEY_STARTED: {
    status: 409,
    message: {
      nl: 'Deze versie van de verdeelsleutel is al ingegaan en kan niet meer worden verwijderd. Voeg een nieuwe versie toe.',
      fr: 'Cette version de la clé de répartition est déjà entrée en vigueur et ne peut plus être supprimée. Ajoutez une nouvelle version.',
      en: 'This cost key version has already started and can no longer be removed. Add a new version instead.',
    },
  },
  INVESTMENT_PARTIES_INVALID: {
    status: 422,
    message: {
      nl: 'De deelnemende zones kloppen niet: elke zone moet lid zijn van de associatie, één keer voorkomen, en de betalende en beherende zone moeten deelnemen.',
      fr: 'Les zones participantes ne sont pas correctes : chaque zone doit être membre de l’association, figurer une seule fois, et les zones qui paient et gèrent doivent participer.',
      en: 'The party zones are not valid: each must be a member of the association, listed once, and the paying and managing zones must take part.',
    },
  },
  INVESTMENT_AGREEMENT_INVALID: {
    status: 422,
    message: {
      nl: 'Deze overeenkomst is niet van kracht of voorziet geen gezamenlijke investeringen voor alle deelnemende zones.',
      fr: 'Cet accord n’est pas en vigueur ou ne prévoit pas d’investissements communs pour toutes les zones participantes.',
      en: 'This agreement is not in force or does not list joint investments for all party zones.',
    },
  },
  INVESTMENT_ASSET_INVALID: {
    status: 422,
    message: {
      nl: 'Dit materiaal kan niet aan de investering gekoppeld worden: het moet bewaard worden door een deelnemende zone en mag niet bij een andere investering horen.',
      fr: 'Ce matériel ne peut pas être lié à l’investissement : il doit être gardé par une zone participante et ne peut pas appartenir à un autre investissement.',
      en: 'This equipment cannot be linked to the investment: it must be kept by a party zone and not belong to another investment.',
    },
  },
  RUNNING_COST_INVALID: {
    status: 422,
    message: {
      nl: 'Deze werkingskost klopt niet: de betalende zone moet deelnemen en de datum mag niet vóór de aankoop liggen.',
      fr: 'Ce coût de fonctionnement n’est pas correct : la zone qui paie doit participer et la date ne peut pas précéder l’achat.',
      en: 'This running cost is not valid: the paying zone must be a party and the date cannot be before the purchase.',
    },
  },
  RUNNING_COST_SETTLED: {
    status: 409,
    message: {
      nl: 'Deze kost valt in een periode die al werd afgerekend: daar kan geen kost meer worden toegevoegd of verwijderd.',
      fr: 'Ce coût tombe dans une période déjà décomptée : on ne peut plus y ajouter ni supprimer de coût.',
      en: 'This cost falls in a period that was already settled: costs can no longer be added or removed there.',
    },
  },
  // settlements (issue 10)
  SETTLEMENT_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'De periode is niet geldig: de einddatum moet na de begindatum liggen, en een afrekening beslaat hoogstens twee jaar.',
      fr: 'La période n’est pas valide : la date de fin doit suivre la date de début, et un décompte couvre au plus deux ans.',
      en: 'The period is not valid: the end date must come after the start date, and a settlement covers at most two years.',
    },
  },
  SETTLEMENT_ZONE_UNKNOWN: {
    status: 422,
    message: {
      nl: 'Deze zone maakt geen deel uit van deze afrekening.',
      fr: 'Cette zone ne fait pas partie de ce décompte.',
      en: 'This zone is not part of this settlement.',
    },
  },
  // training sessions (issue 11, train-sessions): courses, sessions, places per zone, trainers, trainer hours
  COURSE_CODE_TAKEN: {
    status: 409,
    message: {
      nl: 'Deze code is al in gebruik voor een andere opleiding van deze associatie.',
      fr: 'Ce code est déjà utilisé pour une autre formation de cette association.',
      en: 'This code is already used by another course of this association.',
    },
  },
  COURSE_QUALIFICATION_MISSING: {
    status: 422,
    message: {
      nl: 'Een geldigheid in maanden hoort bij een kwalificatie: kies eerst de kwalificatie die de opleiding geeft.',
      fr: 'Une validité en mois va avec une qualification : choisissez d’abord la qualification que donne la formation.',
      en: 'A validity in months belongs to a qualification: choose the qualification the course grants first.',
    },
  },
  TRAINING_ZONE_NOT_SHARED: {
    status: 422,
    message: {
      nl: 'Deze zone deelt geen opleidingen met de organiserende zone: geen overeenkomst van kracht voor opleidingen.',
      fr: 'Cette zone ne partage pas de formations avec la zone organisatrice : aucun accord en vigueur pour les formations.',
      en: 'This zone does not share training with the organising zone: no agreement in force lists training.',
    },
  },
  PLACES_NOT_CAPACITY: {
    status: 422,
    message: {
      nl: 'De plaatsen per zone moeten samen precies de capaciteit van de sessie zijn.',
      fr: 'Les places par zone doivent faire exactement la capacité de la session.',
      en: 'The places per zone must add up to exactly the capacity of the session.',
    },
  },
  PLACES_BELOW_ENROLLED: {
    status: 409,
    message: {
      nl: 'Een zone kan niet minder plaatsen krijgen dan er mensen van die zone ingeschreven zijn.',
      fr: 'Une zone ne peut pas recevoir moins de places qu’elle n’a de personnes inscrites.',
      en: 'A zone cannot get fewer places than it has people enrolled.',
    },
  },
  TRAINER_NOT_AVAILABLE: {
    status: 422,
    message: {
      nl: 'Deze persoon kan geen trainer zijn van deze sessie: niet van de eigen zone en geen gedeelde functie opleidingen.',
      fr: 'Cette personne ne peut pas être formateur de cette session : pas de la zone et pas de fonction partagée formation.',
      en: 'This person cannot train this session: not of the own zone and no shared training function.',
    },
  },
  LEDGER_NOT_SHARED: {
    status: 422,
    message: {
      nl: 'Geen overeenkomst van kracht met wederzijdse bijstand voor beide zones: de trainersuren kunnen niet geboekt worden.',
      fr: 'Aucun accord en vigueur avec l’assistance mutuelle pour les deux zones : les heures de formateur ne peuvent pas être comptabilisées.',
      en: 'No agreement in force lists mutual assistance for both zones: the trainer hours cannot be posted.',
    },
  },
  TRAINING_SESSION_PERIOD_INVALID: {
    status: 422,
    message: {
      nl: 'De periode van de sessie klopt niet: ze begint in de toekomst, eindigt na het begin en duurt hoogstens 48 uur.',
      fr: 'La période de la session n’est pas valide : elle commence dans le futur, finit après le début et dure au plus 48 heures.',
      en: 'The period of the session is not valid: it starts in the future, ends after it starts and lasts at most 48 hours.',
    },
  },
  TRAINING_SESSION_NOT_EDITABLE: {
    status: 409,
    message: {
      nl: 'Deze sessie kan zo niet meer gewijzigd worden: ze is geannuleerd, afgelopen of al begonnen.',
      fr: 'Cette session ne peut plus être modifiée ainsi : elle est annulée, terminée ou déjà commencée.',
      en: 'This session can no longer be changed this way: it is cancelled, completed or has already started.',
    },
  },
  TRAINING_SESSION_NOT_ENDED: {
    status: 409,
    message: {
      nl: 'Trainersuren worden pas geboekt na het einde van een sessie die niet geannuleerd is.',
      fr: 'Les heures de formateur ne se comptabilisent qu’après la fin d’une session non annulée.',
      en: 'Trainer hours are posted only after the end of a session that was not cancelled.',
    },
  },
  // training enrolments (issue 11, train-enrol): enrolment, waiting list, cancellation, attendance and results
  ENROLMENT_CLOSED: {
    status: 422,
    message: {
      nl: 'Inschrijven kan niet meer: de sessie is begonnen, afgelopen of geannuleerd.',
      fr: 'L’inscription n’est plus possible : la session a commencé, est terminée ou a été annulée.',
      en: 'Enrolment is closed: the session has started, ended or was cancelled.',
    },
  },
  NO_PLACES_FOR_ZONE: {
    status: 422,
    message: {
      nl: 'Deze sessie heeft geen plaatsen voor de zone van deze persoon.',
      fr: 'Cette session n’a pas de places pour la zone de cette personne.',
      en: 'This session has no places for this person’s zone.',
    },
  },
  COURSE_NOT_FOR_STAFF: {
    status: 422,
    message: {
      nl: 'Een GPI 48-opleiding is alleen voor operationeel personeel, niet voor CALog-personeel.',
      fr: 'Une formation GPI 48 est réservée au personnel opérationnel, pas au personnel CALog.',
      en: 'A GPI 48 course is for operational staff only, not for CALog staff.',
    },
  },
  ALREADY_ENROLLED: {
    status: 409,
    message: {
      nl: 'Deze persoon is al ingeschreven of staat al op de wachtlijst van deze sessie.',
      fr: 'Cette personne est déjà inscrite ou sur la liste d’attente de cette session.',
      en: 'This person is already enrolled or on the waiting list of this session.',
    },
  },
  NO_PLACE_LEFT: {
    status: 409,
    message: {
      nl: 'Er is geen plaats meer voor deze zone. Probeer opnieuw: de inschrijving komt dan op de wachtlijst.',
      fr: 'Il n’y a plus de place pour cette zone. Réessayez : l’inscription ira alors sur la liste d’attente.',
      en: 'No place is left for this zone. Try again: the enrolment then goes on the waiting list.',
    },
  },
  CANCEL_DEADLINE_PASSED: {
    status: 422,
    message: {
      nl: 'De annuleringstermijn is verstreken. Vraag de planner of korpschef van je zone, of de trainer van de sessie, om je uit te schrijven.',
      fr: 'Le délai d’annulation est dépassé. Demandez au planificateur ou au chef de corps de votre zone, ou au formateur de la session, de vous désinscrire.',
      en: 'The cancellation deadline has passed. Ask the planner or korpschef of your zone, or the session’s trainer, to cancel your enrolment.',
    },
  },
  ENROLMENT_CANCELLED: {
    status: 409,
    message: {
      nl: 'Deze inschrijving is al geannuleerd.',
      fr: 'Cette inscription est déjà annulée.',
      en: 'This enrolment is already cancelled.',
    },
  },
  ENROLMENT_PERSON_REQUIRED: {
    status: 422,
    message: {
      nl: 'Kies wie je inschrijft: je account is niet aan een personeelslid gekoppeld.',
      fr: 'Choisissez qui inscrire : votre compte n’est lié à aucun membre du personnel.',
      en: 'Choose whom to enrol: your account is not linked to a staff member.',
    },
  },
  ATTENDANCE_NOT_OPEN: {
    status: 422,
    message: {
      nl: 'Aanwezigheden worden geregistreerd vanaf het begin van de sessie tot 60 dagen na het einde, niet voor een geannuleerde sessie.',
      fr: 'Les présences s’enregistrent du début de la session jusqu’à 60 jours après sa fin, pas pour une session annulée.',
      en: 'Attendance is recorded from the start of the session until 60 days after its end, not for a cancelled session.',
    },
  },
  ATTENDANCE_NOT_ENROLLED: {
    status: 422,
    message: {
      nl: 'Aanwezigheid kan alleen voor ingeschreven personen van deze sessie (niet voor de wachtlijst of een annulering).',
      fr: 'La présence ne s’enregistre que pour les personnes inscrites à cette session (pas la liste d’attente ni une annulation).',
      en: 'Attendance can only be recorded for people enrolled in this session (not the waiting list or a cancellation).',
    },
  },
  RESULT_WITHOUT_PRESENCE: {
    status: 422,
    message: {
      nl: 'Een resultaat kan alleen voor wie aanwezig was.',
      fr: 'Un résultat n’est possible que pour une personne présente.',
      en: 'A result can only be given to someone who was present.',
    },
  },
  RESULT_REQUIRED: {
    status: 422,
    message: {
      nl: 'Geef voor elke aanwezige een resultaat (geslaagd of niet geslaagd): deze sessie is een evaluatie of geeft een kwalificatie.',
      fr: 'Indiquez un résultat (réussi ou échoué) pour chaque présent : cette session est une évaluation ou donne une qualification.',
      en: 'Give every present person a result (passed or failed): this session is an evaluation or grants a qualification.',
    },
  },
  // train-compliance (issue 11): GPI 48 compliance and suggestions
  TRAINING_NO_PERSON: {
    status: 422,
    message: {
      nl: 'Uw account is niet gekoppeld aan een personeelslid: er is geen eigen opleidingsstand.',
      fr: 'Votre compte n’est lié à aucun membre du personnel : il n’y a pas de situation de formation personnelle.',
      en: 'Your account is not linked to a staff member: there is no training record of your own.',
    },
  },
} as const satisfies Record<string, CatalogueEntry>

export type ErrorCode = keyof typeof ERRORS

/** An expected failure of a use case, named by its catalogue code. Carries no HTTP. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined
  constructor(code: ErrorCode, details?: Record<string, unknown>) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export const notFound = (): never => {
  throw new AppError('NOT_FOUND')
}

/**
 * Maps a PostgreSQL error (SQLSTATE) to a catalogue code; null when it is not an expected conflict. The data
 * exceptions (class 22) listed are those text or numbers from a request can cause: validation refuses them first,
 * so reaching the database with one is a gap in a schema, but still the client's bad input, never a 500.
 */
export function codeForSqlState(sqlState: string | undefined): ErrorCode | null {
  switch (sqlState) {
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return 'CONFLICT'
    case '23503': // foreign_key_violation
      return 'REFERENCE_NOT_FOUND'
    case '23514': // check_violation
    case '23502': // not_null_violation
    case '22001': // string_data_right_truncation
    case '22003': // numeric_value_out_of_range
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22P02': // invalid_text_representation
    case '22004': // null_value_not_allowed
    case '22018': // invalid_character_value_for_cast
    case '22019': // invalid_escape_character
    case '22021': // character_not_in_repertoire (a NUL byte in text)
    case '22023': // invalid_parameter_value
    case '22025': // invalid_escape_sequence (LIKE pattern)
    case '22026': // string_data_length_mismatch
    case '2200B': // escape_character_conflict
    case '2201B': // invalid_regular_expression
    case '22P03': // invalid_binary_representation
    case '22P05': // untranslatable_character (text the database encoding cannot hold)
      return 'VALIDATION_FAILED'
    case '40001': // serialization_failure: db.ts already ran the transaction again, TRANSACTION_ATTEMPTS times
    case '40P01': // deadlock_detected: idem
      return 'TRY_AGAIN'
    default:
      return null
  }
}

/**
 * Named constraints → specific catalogue codes. A feature registers the constraints of its migrations once, at
 * module load, next to its repository:
 *
 *   registerConstraintCodes({ bookings_no_overlap: 'BOOKING_CONFLICT' })
 *
 * A violation of a registered constraint answers with that code; any other falls back to codeForSqlState
 * (CONFLICT, REFERENCE_NOT_FOUND, VALIDATION_FAILED). The constraint's name is logged, never sent to a client.
 * A test checks that every registered name exists in the migrated database.
 */
const constraintCodes = new Map<string, ErrorCode>()

export function registerConstraintCodes(codes: Readonly<Record<string, ErrorCode>>): void {
  for (const [constraint, code] of Object.entries(codes)) {
    const known = constraintCodes.get(constraint)
    if (known && known !== code) throw new Error(`constraint ${constraint} is already mapped to ${known}, not ${code}`)
    constraintCodes.set(constraint, code)
  }
}

/** Every registered constraint name with its code (for the test that they exist). */
export const registeredConstraintCodes = (): ReadonlyMap<string, ErrorCode> => constraintCodes

/** The catalogue code for a database error: its constraint's registered code first, else its SQLSTATE's. */
export function codeForDatabaseError(sqlState: string | undefined, constraint: string | undefined): ErrorCode | null {
  return (constraint !== undefined ? constraintCodes.get(constraint) : undefined) ?? codeForSqlState(sqlState)
}
