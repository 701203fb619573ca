/** The case dossier's words on the staff case page, Vietnamese first (spread like web/staff/messages.ts). */
export const dossierVi = {
  'staff.dossier.title': 'Hồ sơ lưu trữ',
  'staff.dossier.effect':
    'Lập hồ sơ của đơn đã kết thúc (tệp ZIP: đơn, văn bản, tài liệu, mục lục theo các bước xử lý, lịch sử và bảng mã SHA-256). Việc lập hồ sơ được ghi vào lịch sử đơn; đường dẫn tải có hiệu lực 5 phút.',
  'staff.dossier.partial':
    'Bản hồ sơ của đồng chí không có các phần nhận diện người gửi đơn; chỉ trưởng ban của đơn vị giải quyết và cán bộ giám sát nhận bản đầy đủ.',
  'staff.dossier.submit': 'Lập và tải hồ sơ',
} as const

export const dossierEn: Record<keyof typeof dossierVi, string> = {
  'staff.dossier.title': 'Archive dossier',
  'staff.dossier.effect':
    'Makes the dossier of this finished case (a ZIP: the petition, documents, attachments, a table of contents in the order of the steps, the history and a SHA-256 manifest). Making it is recorded in the case history; the download link works for 5 minutes.',
  'staff.dossier.partial':
    'Your copy leaves out what identifies the petitioner; only the head of the resolving committee and supervisors get the complete one.',
  'staff.dossier.submit': 'Make and download the dossier',
}
