// The ten regional units (regionale eenheden) of the Dutch national police, with their CBS codes.

export interface PoliceUnit {
  code: string;
  name: string;
}

export const POLICE_UNITS: readonly PoliceUnit[] = [
  { code: "RE01", name: "Noord-Nederland" },
  { code: "RE02", name: "Oost-Nederland" },
  { code: "RE03", name: "Midden-Nederland" },
  { code: "RE04", name: "Noord-Holland" },
  { code: "RE05", name: "Amsterdam" },
  { code: "RE06", name: "Den Haag" },
  { code: "RE07", name: "Rotterdam" },
  { code: "RE08", name: "Zeeland - West-Brabant" },
  { code: "RE09", name: "Oost-Brabant" },
  { code: "RE10", name: "Limburg" },
];
