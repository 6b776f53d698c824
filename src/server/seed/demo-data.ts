// Fictional but plausible partner portfolio for demos: companies, people and a year of timeline.
import type { ActivityKind, ContactRole, Direction, Importance, PartnerStatus, PartnerType, TeamRole } from '../../shared/partners.js';

export interface DemoPartner {
  name: string;
  legalName: string;
  types: PartnerType[];
  country: string;
  importance: Importance;
  status: PartnerStatus;
  program?: string;
  level?: string;
  tags: string[];
  regions: string[];
  industries: string[];
  directions: Direction[];
  description: string;
  strategy: string;
  valueWeBring: string;
  valueTheyBring: string;
  pricingNotes?: string;
  domain: string;
}

const P = (p: Omit<DemoPartner, 'legalName' | 'domain'> & { legal?: string }): DemoPartner => {
  const slug = p.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return { ...p, legalName: p.legal ?? `${p.name} ${p.country === 'DE' ? 'GmbH' : p.country === 'US' ? 'Inc.' : 'AG'}`, domain: `${slug}.example` };
};

export const DEMO_PARTNERS: DemoPartner[] = [
  P({ name: 'Kubeforge', types: ['software_vendor'], country: 'US', importance: 'strategic', status: 'active', program: 'Kubeforge Partner Program', level: 'Premier', tags: ['kubernetes', 'platform'], regions: ['DACH', 'EU'], industries: ['finance', 'public sector'], directions: ['we_resell_them', 'joint_offer'], description: 'Enterprise Kubernetes platform vendor.', strategy: 'Grow in regulated industries through certified service partners.', valueWeBring: 'Operations of their platform for Swiss customers, certified engineers.', valueTheyBring: 'Leads from Swiss enterprises, partner discounts.', pricingNotes: 'Yearly subscriptions 18% cheaper than monthly; deal registration adds 10%.' }),
  P({ name: 'Alpine Cloud', types: ['cloud_service_provider'], country: 'CH', importance: 'strategic', status: 'active', program: 'Alpine Cloud Partner Network', level: 'Gold', tags: ['swiss-hosting', 'sovereign-cloud'], regions: ['CH'], industries: ['health', 'finance'], directions: ['we_buy_from_them', 'they_resell_us', 'joint_offer'], description: 'Swiss infrastructure-as-a-service provider with data centres in Zurich and Geneva.', strategy: 'Sovereign cloud for regulated Swiss customers.', valueWeBring: 'Managed Kubernetes and DevOps on top of their IaaS.', valueTheyBring: 'Swiss data residency, capacity at partner prices.' }),
  P({ name: 'Datastream Distribution', types: ['distributor'], country: 'DE', importance: 'key', status: 'active', tags: ['licensing'], regions: ['DACH'], industries: [], directions: ['we_buy_from_them'], description: 'Value-added distributor for open-source enterprise software.', strategy: 'Bundle vendor licences with services from partners.', valueWeBring: 'Services that make their licences sell.', valueTheyBring: 'Quotes on behalf of vendors, licence handling, marketing funds.' }),
  P({ name: 'Redwood Linux', types: ['software_vendor'], country: 'US', importance: 'strategic', status: 'active', program: 'Redwood Partner Connect', level: 'Advanced', tags: ['linux', 'openshift'], regions: ['EU'], industries: ['telco'], directions: ['we_resell_them'], description: 'Enterprise Linux and container platform vendor.', strategy: 'Hybrid cloud with certified service providers.', valueWeBring: 'Certified engineers, managed services.', valueTheyBring: 'Product roadmap access, deal registration protection.' }),
  P({ name: 'Gitstream', types: ['software_vendor'], country: 'NL', importance: 'key', status: 'active', program: 'Gitstream Partners', level: 'Select', tags: ['devops', 'ci-cd'], regions: ['EU'], industries: ['software'], directions: ['we_resell_them', 'referral'], description: 'DevOps platform vendor.', strategy: 'Land in mid-size companies through consultancies.', valueWeBring: 'Migrations and training.', valueTheyBring: 'Reseller margin, training vouchers.' }),
  P({ name: 'Helvetia Consulting Partners', types: ['consultant_reseller'], country: 'CH', importance: 'key', status: 'active', tags: ['public-tenders'], regions: ['CH'], industries: ['public sector'], directions: ['referral', 'joint_offer'], description: 'IT consultancy for cantonal administrations.', strategy: 'Win public tenders with specialised subcontractors.', valueWeBring: 'Cloud-native delivery for their tenders.', valueTheyBring: 'Access to public-sector tenders; kickback on referred deals.' }),
  P({ name: 'Nordlicht Hosting', types: ['cloud_service_provider'], country: 'DE', importance: 'standard', status: 'active', tags: ['hosting'], regions: ['DE'], industries: [], directions: ['they_resell_us'], description: 'Managed hosting provider in northern Germany.', strategy: 'Add Kubernetes to their hosting portfolio.', valueWeBring: 'White-label managed Kubernetes.', valueTheyBring: 'Hosting customers who outgrow VMs.' }),
  P({ name: 'Observa', types: ['software_vendor'], country: 'FR', importance: 'standard', status: 'onboarding', program: 'Observa Partner Program', level: 'Registered', tags: ['observability'], regions: ['EU'], industries: [], directions: ['we_resell_them'], description: 'Observability and logging SaaS.', strategy: 'Channel-first growth in Europe.', valueWeBring: 'Integration into our managed stack.', valueTheyBring: 'Margin on subscriptions.' }),
  P({ name: 'Lakeside IT', types: ['consultant_reseller'], country: 'CH', importance: 'standard', status: 'active', tags: ['smb'], regions: ['CH'], industries: ['retail'], directions: ['referral'], description: 'IT service company for small businesses around Lake Zurich.', strategy: 'Offer cloud to SMB customers without building it.', valueWeBring: 'Cloud operations they can resell.', valueTheyBring: 'SMB leads.' }),
  P({ name: 'Vaultkeeper', types: ['software_vendor'], country: 'US', importance: 'key', status: 'active', program: 'Vaultkeeper Alliance', level: 'Silver', tags: ['security', 'secrets'], regions: ['EU'], industries: ['finance'], directions: ['we_resell_them', 'joint_offer'], description: 'Secrets management and identity security vendor.', strategy: 'Expand in European banking.', valueWeBring: 'Operations of their product in Swiss data centres.', valueTheyBring: 'Security credibility, joint webinars.' }),
  P({ name: 'Edelweiss Telecom', types: ['cloud_service_provider'], country: 'CH', importance: 'strategic', status: 'active', program: 'Edelweiss Cloud Partner', level: 'Platinum', tags: ['telco', 'sovereign-cloud'], regions: ['CH'], industries: ['telco', 'public sector'], directions: ['they_resell_us', 'joint_offer'], description: 'Swiss telecom operator with a public cloud.', strategy: 'Platform services for enterprise customers.', valueWeBring: 'Managed application platform on their cloud.', valueTheyBring: 'Enterprise customer base, co-selling.' }),
  P({ name: 'Bytebridge Distribution', types: ['distributor'], country: 'AT', importance: 'standard', status: 'active', tags: ['licensing'], regions: ['AT', 'CH'], industries: [], directions: ['we_buy_from_them'], description: 'Software distributor for Austria and Switzerland.', strategy: 'Licensing plus marketing services.', valueWeBring: 'Technical enablement for their vendors.', valueTheyBring: 'Licence quotes and marketing development funds.' }),
  P({ name: 'Postgrid', types: ['software_vendor'], country: 'EE', importance: 'standard', status: 'prospect', tags: ['database'], regions: ['EU'], industries: [], directions: ['we_resell_them'], description: 'Managed PostgreSQL operator vendor.', strategy: 'Find service partners in the DACH region.', valueWeBring: 'Swiss customers and operations.', valueTheyBring: 'A database product for our platform.' }),
  P({ name: 'Summit Digital', types: ['consultant_reseller'], country: 'CH', importance: 'key', status: 'active', tags: ['digital-agency'], regions: ['CH'], industries: ['media', 'retail'], directions: ['referral', 'they_resell_us'], description: 'Digital agency building web shops and portals.', strategy: 'Outsource hosting and operations.', valueWeBring: 'Reliable hosting for their projects.', valueTheyBring: 'A steady stream of web projects.' }),
  P({ name: 'Stackmint', types: ['software_vendor'], country: 'GB', importance: 'standard', status: 'paused', program: 'Stackmint Partner Programme', level: 'Member', tags: ['iac'], regions: ['EU'], industries: [], directions: ['we_resell_them'], description: 'Infrastructure-as-code tooling.', strategy: 'Paused while they rework their channel.', valueWeBring: 'Expertise in their tool.', valueTheyBring: 'Referral fees.' }),
  P({ name: 'Glacier Storage', types: ['cloud_service_provider'], country: 'CH', importance: 'standard', status: 'active', tags: ['storage', 'backup'], regions: ['CH'], industries: [], directions: ['we_buy_from_them'], description: 'S3-compatible object storage in Switzerland.', strategy: 'Be the default backup target of Swiss platforms.', valueWeBring: 'Volume.', valueTheyBring: 'Affordable Swiss storage.' }),
  P({ name: 'Meshwork', types: ['software_vendor'], country: 'US', importance: 'key', status: 'active', program: 'Meshwork Partner Network', level: 'Gold', tags: ['service-mesh', 'kubernetes'], regions: ['EU'], industries: ['finance'], directions: ['we_resell_them', 'joint_offer'], description: 'Service mesh and API gateway vendor.', strategy: 'Certified partners per country.', valueWeBring: 'Implementation and run services.', valueTheyBring: 'Deal registration, MDF.' }),
  P({ name: 'Rhein Systems', types: ['consultant_reseller'], country: 'DE', importance: 'standard', status: 'onboarding', tags: ['sap'], regions: ['DE'], industries: ['manufacturing'], directions: ['referral'], description: 'SAP-focused consultancy.', strategy: 'Modernise SAP landscapes.', valueWeBring: 'Kubernetes know-how for SAP extensions.', valueTheyBring: 'Manufacturing customers.' }),
  P({ name: 'Cumulus Networks Europe', types: ['distributor', 'consultant_reseller'], country: 'BE', importance: 'standard', status: 'active', tags: ['networking'], regions: ['EU'], industries: [], directions: ['we_buy_from_them', 'referral'], description: 'Distributor and integrator for networking software.', strategy: 'Software-defined networking in data centres.', valueWeBring: 'Cloud operations.', valueTheyBring: 'Licences and integration projects.' }),
  P({ name: 'Tessin Cloud', types: ['cloud_service_provider'], country: 'CH', importance: 'standard', status: 'prospect', tags: ['swiss-hosting'], regions: ['CH'], industries: [], directions: ['we_buy_from_them'], description: 'Regional cloud provider in Ticino.', strategy: 'Italian-speaking Swiss market.', valueWeBring: 'Platform services.', valueTheyBring: 'Presence in Ticino.' }),
  P({ name: 'Argus Security', types: ['software_vendor'], country: 'IL', importance: 'key', status: 'active', program: 'Argus Partner Program', level: 'Platinum', tags: ['security', 'container-security'], regions: ['EU'], industries: ['finance', 'health'], directions: ['we_resell_them'], description: 'Container security platform.', strategy: 'Enterprise security through MSPs.', valueWeBring: 'Managed container security.', valueTheyBring: 'Margin and leads.' }),
  P({ name: 'Bergwerk Consulting', types: ['consultant_reseller'], country: 'CH', importance: 'standard', status: 'offboarded', tags: ['legacy'], regions: ['CH'], industries: [], directions: ['referral'], description: 'Former referral partner; company was acquired.', strategy: 'None since acquisition.', valueWeBring: '—', valueTheyBring: '—' }),
  P({ name: 'Fjord Analytics', types: ['software_vendor'], country: 'NO', importance: 'standard', status: 'active', program: 'Fjord Partners', level: 'Select', tags: ['data'], regions: ['EU'], industries: ['energy'], directions: ['we_resell_them', 'referral'], description: 'Analytics platform for energy companies.', strategy: 'Expand from Nordics to DACH.', valueWeBring: 'DACH customers and operations.', valueTheyBring: 'Energy-sector projects.' }),
  P({ name: 'Matterhorn Reseller Group', types: ['consultant_reseller'], country: 'CH', importance: 'key', status: 'active', tags: ['reseller'], regions: ['CH'], industries: ['public sector', 'education'], directions: ['they_resell_us'], description: 'Reseller for schools and public administrations.', strategy: 'Framework agreements with cantons.', valueWeBring: 'Services on their framework contracts.', valueTheyBring: 'Public-sector framework contracts.' }),
  P({ name: 'Ironclad Backup', types: ['software_vendor'], country: 'CZ', importance: 'standard', status: 'active', program: 'Ironclad Partners', level: 'Silver', tags: ['backup'], regions: ['EU'], industries: [], directions: ['we_resell_them'], description: 'Kubernetes backup software.', strategy: 'Partner-led sales.', valueWeBring: 'Bundled in our managed platform.', valueTheyBring: 'Per-node pricing with partner discount.' }),
  P({ name: 'Amazon Web Services', types: ['cloud_service_provider'], country: 'US', importance: 'strategic', status: 'active', program: 'AWS Partner Network — Services Path', level: 'Select', tags: ['hyperscaler'], regions: ['global'], industries: [], directions: ['we_buy_from_them', 'they_resell_us'], description: 'Public cloud provider; we are in its services path.', strategy: 'Grow from Select to Advanced with more certified engineers.', valueWeBring: 'Migrations and managed services for Swiss customers.', valueTheyBring: 'Credits, co-selling and marketing funds.', legal: 'Amazon Web Services EMEA SARL' }),
  P({ name: 'Cloud Native Computing Foundation', types: ['software_vendor'], country: 'US', importance: 'key', status: 'active', program: 'CNCF Kubernetes Certified Service Provider (KCSP)', level: 'KCSP', tags: ['kubernetes'], regions: ['global'], industries: [], directions: ['referral'], description: 'Home of Kubernetes; runs the KCSP programme and the Kubernetes exams.', strategy: 'Stay a Kubernetes Certified Service Provider.', valueWeBring: 'Certified Kubernetes administrators.', valueTheyBring: 'Listing as a KCSP, referrals.', legal: 'The Linux Foundation' }),
  P({ name: 'Pacific Hyperscale', types: ['cloud_service_provider'], country: 'US', importance: 'strategic', status: 'active', program: 'Pacific Partner Network', level: 'Advanced', tags: ['hyperscaler'], regions: ['global'], industries: [], directions: ['we_buy_from_them', 'they_resell_us'], description: 'Global public cloud provider.', strategy: 'Services path for consulting partners.', valueWeBring: 'Migrations and managed services.', valueTheyBring: 'Credits, marketing funds, co-selling.' }),
  P({ name: 'Open Source Distribution Schweiz', types: ['distributor'], country: 'CH', importance: 'key', status: 'active', tags: ['licensing', 'open-source'], regions: ['CH'], industries: [], directions: ['we_buy_from_them'], description: 'Swiss distributor for open-source enterprise subscriptions.', strategy: 'Local licensing and support.', valueWeBring: 'Services for their vendors.', valueTheyBring: 'Quotes, licence reporting, local invoicing in CHF.' }),
  P({ name: 'Lumen Training', types: ['consultant_reseller'], country: 'DE', importance: 'standard', status: 'active', tags: ['training'], regions: ['DACH'], industries: ['education'], directions: ['referral'], description: 'Cloud-native training provider.', strategy: 'Train the DACH market.', valueWeBring: 'Trainers from practice.', valueTheyBring: 'Training customers who need services.' }),
];

export const FIRST_NAMES = ['Anna', 'Luca', 'Mia', 'Noah', 'Lea', 'Elias', 'Sofia', 'Jonas', 'Laura', 'David', 'Sara', 'Nico', 'Julia', 'Marco', 'Nina', 'Fabian', 'Lena', 'Simon', 'Chiara', 'Tim', 'Olivia', 'Ben', 'Emma', 'Lukas', 'Hannah', 'Samuel', 'Zoe', 'Jan', 'Alina', 'Raphael'];
export const LAST_NAMES = ['Keller', 'Brunner', 'Meier', 'Schmid', 'Weber', 'Huber', 'Fischer', 'Baumann', 'Frei', 'Gerber', 'Moser', 'Widmer', 'Zimmermann', 'Steiner', 'Graf', 'Roth', 'Hofmann', 'Lehmann', 'Bucher', 'Suter', 'Marti', 'Kunz', 'Bachmann', 'Vogel', 'Wyss', 'Ammann', 'Studer', 'Kaufmann', 'Egli', 'Lüthi'];
export const TITLES: Record<ContactRole, string[]> = {
  executive_sponsor: ['VP Sales EMEA', 'Managing Director', 'Chief Revenue Officer'],
  partner_manager: ['Partner Manager DACH', 'Alliance Manager', 'Channel Account Manager'],
  sales: ['Account Executive', 'Sales Manager Switzerland', 'Enterprise Sales'],
  presales: ['Solutions Architect', 'Sales Engineer', 'Technical Account Manager'],
  marketing: ['Partner Marketing Manager', 'Field Marketing DACH'],
  finance: ['Billing Specialist', 'Finance Manager'],
  support: ['Support Lead', 'Customer Success Manager'],
};
export const COLLEAGUES: { name: string; role: 'manager' | 'member' | 'finance' }[] = [
  { name: 'Petra Partner', role: 'manager' },
  { name: 'Marc Sales', role: 'member' },
  { name: 'Tina Tech', role: 'member' },
  { name: 'Urs Marketing', role: 'member' },
  { name: 'Fabienne Finance', role: 'finance' },
  { name: 'Remo Engineer', role: 'member' },
];
export const TEAM_ROLE_FOR: Record<string, TeamRole[]> = {
  'Petra Partner': ['owner', 'executive_sponsor'],
  'Marc Sales': ['sales'],
  'Tina Tech': ['technical_lead'],
  'Urs Marketing': ['marketing'],
  'Remo Engineer': ['technical_lead'],
};
export const ACTIVITY_TEMPLATES: { kind: ActivityKind; summary: string; outcome?: string }[] = [
  { kind: 'meeting', summary: 'Quarterly business review', outcome: 'Agreed on three joint opportunities for next quarter' },
  { kind: 'meeting', summary: 'Fortnightly sync meeting', outcome: 'Pipeline reviewed, two deal registrations to submit' },
  { kind: 'call', summary: 'Call about deal registration for a bank customer', outcome: 'Registration submitted in the partner portal' },
  { kind: 'email', summary: 'Sent updated price list and yearly subscription offer' },
  { kind: 'event', summary: 'Joint meetup in Zurich: Kubernetes in regulated industries', outcome: '45 attendees, 6 leads' },
  { kind: 'meeting', summary: 'Marketing planning: webinar and fact sheet for Q-next', outcome: 'Webinar date fixed; brand guidelines to review' },
  { kind: 'call', summary: 'Certification plan for our engineers', outcome: 'Two exams booked' },
  { kind: 'note', summary: 'Partner announced a new partner programme tier structure' },
  { kind: 'email', summary: 'Monthly licence report sent', outcome: 'Accounting informed about a larger invoice next month' },
  { kind: 'meeting', summary: 'Executive get-together with the partner team', outcome: 'Teams know each other; next get-together in three months' },
];
