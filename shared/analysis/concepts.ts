/**
 * A curated bilingual list of the themes that come up on co-creation walls (Future Search, Large
 * Scale Co-creation): each concept with its English and Dutch words, and the broad domain it belongs to.
 *
 * Why: a table writes "mantelzorgers" and the next one "informal carers"; word overlap alone never
 * joins them. This list is the small shared vocabulary that does, the same on every device. Words are
 * written as people write them (the logic stems them), several words joined by "_" ("waiting_list").
 * Keep concepts specific enough that one shared concept means one theme; a domain ties related
 * concepts loosely. Add words freely; a concept id, once used, keeps its meaning.
 */

/** One concept: id, the broad domain it belongs to (or ''), English words, Dutch words. */
export type ConceptRow = readonly [id: string, domain: string, en: string, nl: string];

/** The broad domains, each also a concept of its own. */
export const DOMAINS: readonly ConceptRow[] = [
  ['care', '', 'care healthcare health_care carer caregiver patient patients', 'zorg gezondheidszorg zorgverlener patient patienten'],
  ['mobility', '', 'mobility transport traffic travel commute commuting', 'mobiliteit vervoer verkeer reizen reistijd'],
  ['housing', '', 'housing home homes house houses dwelling', 'wonen woning woningen huis huizen woonruimte'],
  ['education', '', 'education school schools learning pupils pupil students', 'onderwijs school scholen leerlingen leerling studenten leren'],
  ['work', '', 'work jobs job employment employer employers staff workforce labour', 'werk banen baan werkgelegenheid werkgever werkgevers personeel arbeidsmarkt'],
  ['environment', '', 'climate environment sustainability sustainable', 'klimaat milieu duurzaamheid duurzaam'],
  ['community', '', 'community neighbourhood neighborhood neighbours neighbors residents', 'gemeenschap buurt wijk buren bewoners buurtbewoners'],
  ['governance', '', 'government council municipality policy politics politicians', 'overheid gemeente gemeenteraad beleid politiek politici'],
];

/** The specific concepts. */
export const CONCEPTS: readonly ConceptRow[] = [
  // Care and health.
  ['waiting', 'care', 'waiting_list waiting_lists waiting_time wait waiting queue', 'wachtlijst wachtlijsten wachttijd wachttijden wachten'],
  ['paperwork', 'governance', 'paperwork forms form administration bureaucracy red_tape registration', 'administratie administratieve formulieren formulier bureaucratie regeldruk registratie papierwerk'],
  ['loneliness', 'community', 'loneliness lonely isolation isolated alone', 'eenzaamheid eenzaam eenzame isolement'],
  ['volunteers', 'community', 'volunteer volunteers volunteering', 'vrijwilliger vrijwilligers vrijwilligerswerk vrijwillig vrijwillige'],
  ['nursing', 'care', 'nurse nurses nursing', 'verpleegkundige verpleegkundigen verpleging verpleegkunde verpleeghuis'],
  ['prevention', 'care', 'prevention prevent preventive screening', 'preventie voorkomen preventief screening'],
  ['informalCare', 'care', 'informal_carer informal_carers informal_care respite', 'mantelzorg mantelzorger mantelzorgers respijtzorg'],
  ['mentalHealth', 'care', 'mental_health mental psychologist depression anxiety burnout stress stigma psychiatric wellbeing', 'ggz psychisch psychische psycholoog depressie angst burn-out stress stigma geestelijke welzijn'],
  ['elderly', 'care', 'elderly older_people seniors senior aged pensioners dementia', 'ouderen oudere senioren bejaarden gepensioneerden dementie'],
  ['doctors', 'care', 'doctor doctors gp hospital hospitals pharmacy clinic', 'arts artsen huisarts ziekenhuis ziekenhuizen apotheek kliniek'],
  ['cooperation', 'governance', 'cooperation cooperate collaboration collaborate partnership', 'samenwerking samenwerken partnerschap'],
  ['disability', 'care', 'wheelchair disabled disability accessible accessibility', 'rolstoel rolstoelgebruikers beperking gehandicapt toegankelijk toegankelijkheid'],
  // Mobility.
  ['publicTransport', 'mobility', 'bus buses train trains tram public_transport timetable station stations', 'bus bussen trein treinen tram ov openbaar_vervoer dienstregeling station stations buurtbus'],
  ['cycling', 'mobility', 'bike bikes bicycle bicycles cycling cyclists cycle_path cycle_lanes bike_lanes', 'fiets fietsen fietser fietsers fietspad fietspaden e-bike'],
  ['cars', 'mobility', 'car cars parking driving drivers congestion traffic_jams', 'auto autos parkeren parkeerplaats automobilisten file files'],
  ['roadSafety', 'mobility', 'speeding speed_limit road_safety crossing crossings accidents', 'hardrijden snelheid verkeersveiligheid oversteekplaats zebrapad ongelukken drempels'],
  // Housing.
  ['affordableHousing', 'housing', 'affordable rent rents rental starters mortgage housing_shortage social_housing', 'betaalbaar betaalbare huur huurwoningen starters starterswoningen hypotheek woningnood woningtekort sociale_huur'],
  ['building', 'housing', 'build building construction new_homes tiny_houses', 'bouwen nieuwbouw bouw woningbouw tiny_houses'],
  // Education.
  ['teachers', 'education', 'teacher teachers teaching classroom classes class_size', 'leraar leraren docent docenten leerkracht leerkrachten lerarentekort klas klassen'],
  ['skills', 'work', 'skills training retraining apprenticeship apprenticeships internship internships courses vocational career', 'vaardigheden opleiding opleidingen opleiden omscholing bijscholing stage stages stageplek leerwerkplek cursus cursussen mbo loopbaan'],
  // Work.
  ['staffShortage', 'work', 'shortage shortages vacancies vacancy recruit recruitment hiring understaffed technicians', 'tekort tekorten personeelstekort vacatures vacature werven werving onderbezetting technici vakmensen'],
  ['pay', 'work', 'pay wages wage salary salaries income', 'loon lonen salaris salarissen inkomen'],
  ['poverty', 'community', 'poverty poor debt debts food_bank', 'armoede schulden schuld voedselbank'],
  // Environment.
  ['energy', 'environment', 'energy solar solar_panels heat_pump heat_pumps insulation insulate wind_turbines gas heating', 'energie zonnepanelen zonnepaneel warmtepomp warmtepompen isolatie isoleren windmolens windturbines gas verwarming energierekening warmtenet'],
  ['climate', 'environment', 'climate emissions co2 carbon warming heatwave', 'klimaat uitstoot co2 koolstof opwarming hittegolf'],
  ['nature', 'environment', 'nature green parks park trees tree biodiversity wildlife greenery birds bees roadsides verges woods forest', 'natuur groen groene parken park bomen boom biodiversiteit groenvoorziening vogels bijen bermen bos bossen'],
  ['water', 'environment', 'water flooding floods flood drought rain rainwater dikes dike groundwater river', 'water overstroming overstromingen droogte regen regenwater dijken dijk wateroverlast grondwater hoogwater rivier'],
  ['waste', 'environment', 'waste recycling recycle litter plastic circular repair', 'afval recycling recyclen zwerfafval plastic circulair circulaire repareren reparatie'],
  ['food', 'environment', 'food farmers farmer farming agriculture local_produce market vegetables', 'voedsel eten boeren boer landbouw streekproducten markt groenten voeding'],
  // Community and society.
  ['youth', 'community', 'young_people youth teenagers youngsters kids children', 'jongeren jeugd tieners kinderen jongerenwerk'],
  ['safety', 'community', 'safety safe unsafe crime police officer officers burglary burglaries vandalism lighting drugs', 'veiligheid veilig onveilig criminaliteit politie agent agenten wijkagent inbraak inbraken vandalisme vernielingen verlichting drugs'],
  ['culture', 'community', 'culture library libraries museum theatre festival festivals art music', 'cultuur bibliotheek bieb museum theater festival festivals kunst muziek'],
  ['sport', 'community', 'sport sports club clubs exercise football swimming', 'sport sporten sportclub sportclubs sportvereniging bewegen voetbal zwemmen'],
  ['integration', 'community', 'newcomers refugees migrants integration language_lessons', 'nieuwkomers vluchtelingen statushouders migranten integratie inburgering taallessen'],
  ['inclusion', 'community', 'inclusion inclusive diversity discrimination equal', 'inclusie inclusief diversiteit discriminatie gelijkwaardig'],
  ['meetingPlace', 'community', 'community_centre meeting_place gathering cafe', 'buurthuis ontmoetingsplek ontmoeten ontmoeting dorpshuis'],
  // Digital.
  ['digital', '', 'digital online internet broadband fibre wifi app apps tablet tablets computer', 'digitaal digitale online internet glasvezel wifi app apps tablet tablets computer'],
  ['data', '', 'data privacy record records information', 'gegevens privacy dossier dossiers informatie'],
  // Governance and participation.
  ['participation', 'governance', 'participation voice consultation citizens_assembly involve involvement referendum decisions decision_making', 'inspraak participatie meedenken meebeslissen burgerberaad betrekken betrokkenheid referendum besluiten besluitvorming'],
  ['trust', 'governance', 'trust transparency transparent accountable', 'vertrouwen transparantie transparant'],
  ['money', 'governance', 'budget funding subsidy subsidies costs cost money', 'budget financiering subsidie subsidies kosten geld'],
  ['economy', 'work', 'shops shop retail businesses business entrepreneurs tourism tourists economy', 'winkels winkel detailhandel bedrijven ondernemers toerisme toeristen economie middenstand'],
];
