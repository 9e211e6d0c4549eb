/** Who reaches which service page (menu and route guard share these lists); mirrors the server's @Allow (decisions 0021, 0027). */
const DESK = ['SERVICE_AGENT', 'SHIFT_LEAD', 'QC_INSPECTOR', 'RETURN_VISIT', 'KNOWLEDGE_EDITOR', 'SERVICE_DIRECTOR']

export const SERVICE_ROLES = {
  /** KB-1 search and the KB-2 workflow list: the service desk (RoleGroup.SERVICE_DESK). */
  knowledge: DESK,
  /** QC-1 … QC-3 samples, summary, weekly report. */
  quality: ['QC_INSPECTOR', 'SERVICE_DIRECTOR', 'SHIFT_LEAD'],
  /** QC-2: the agents read their own scores. */
  myQuality: ['SERVICE_AGENT'],
  /** KB-2 knowledge test scores: agents their own, the lead and the director all. */
  knowledgeTests: ['SERVICE_AGENT', 'RETURN_VISIT', 'SHIFT_LEAD', 'SERVICE_DIRECTOR'],
  /** SVC-5, SVC-9, SVC-10. */
  analysis: ['SERVICE_DIRECTOR', 'SHIFT_LEAD'],
}
