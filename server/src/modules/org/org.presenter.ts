/** Rows → API shapes. Only fields named in the contracts leave the server. */
import type { Person, Post, Unit, UnitKind } from '@luoshi/contracts';
import { maskPhone } from '../../platform/personal-data.js';
import type { PersonWithUnit, PostWithHolders, UnitWithCounts } from './org.repository.js';

export function presentUnit(row: UnitWithCounts): Unit {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind as UnitKind,
    divisionCode: row.divisionCode,
    divisionName: row.divisionName,
    parentId: row.parentId,
    depth: row.depth,
    sortOrder: row.sortOrder,
    isSupervisionOffice: row.isSupervisionOffice,
    childCount: row.childCount,
    version: row.version,
    isDisabled: row.disabledAt !== null,
  };
}

export function presentPerson(row: PersonWithUnit): Person {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    name: row.name,
    title: row.title,
    phone: row.phone,
    email: row.email,
    isLeader: row.isLeader,
    oversightAreas: row.oversightAreas,
    overseenUnitIds: row.overseenUnitIds,
    absence: row.absentFrom && row.absentUntil ? { from: row.absentFrom, until: row.absentUntil, reason: row.absenceReason ?? '' } : null,
    version: row.version,
    isDisabled: row.disabledAt !== null,
  };
}

/**
 * A person in a list (等保 S19): the phone number masked, except for those who maintain the organisation
 * (their 编辑人员 form starts from the list row, and they need the number to keep it right).
 */
export function presentPersonInList(row: PersonWithUnit, showsContacts: boolean): Person {
  const person = presentPerson(row);
  return showsContacts || person.phone === null ? person : { ...person, phone: maskPhone(person.phone) };
}

export function presentPost(row: PostWithHolders): Post {
  return {
    id: row.id,
    unitId: row.unitId,
    name: row.name,
    primaryHolderId: row.primaryHolderId,
    primaryHolderName: row.primaryHolderName,
    backupHolderId: row.backupHolderId,
    backupHolderName: row.backupHolderName,
    version: row.version,
  };
}
