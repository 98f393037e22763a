import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { UserResponse } from '../users/dto/user.response.js';
import { Role } from '../users/role.enum.js';
import { DepartmentsService } from './departments.service.js';
import {
  CreateDepartmentDto,
  CreateDepartmentUserDto,
  DepartmentResponse,
} from './dto/department.dto.js';

@ApiTags('departments')
@ApiBearerAuth()
@Roles(Role.Staff, Role.Admin)
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOkResponse({ type: [DepartmentResponse] })
  async list(): Promise<DepartmentResponse[]> {
    return (await this.departments.list()).map(DepartmentResponse.of);
  }

  @Post()
  @ApiOkResponse({ type: DepartmentResponse })
  async create(@Body() dto: CreateDepartmentDto): Promise<DepartmentResponse> {
    return DepartmentResponse.of(await this.departments.create(dto.name));
  }

  @Get(':id/users')
  @ApiOkResponse({ type: [UserResponse] })
  async users(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse[]> {
    return (await this.departments.users(id)).map(UserResponse.of);
  }

  @Post(':id/users')
  @ApiOkResponse({ type: UserResponse })
  async createUser(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateDepartmentUserDto,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.departments.createUser(id, dto));
  }
}
